using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Monitor;

public sealed class MonitorListTests : MonitorHost
{
    [Fact]
    public async Task InstancesList_ShowsOnlyFaultedInstances_WhenFilteredByFaulted()
    {
        var running = await StartReviewAsync();
        var faulted = await StartFaultedAsync();
        var op = await Operator();

        var all = await HtmlAsync(await op.GetAsync("/monitor"), HttpStatusCode.OK);
        var onlyFaulted = await HtmlAsync(await op.GetAsync("/monitor?faulted=true"), HttpStatusCode.OK);

        Assert.Equal(new[] { running.InstanceId, faulted.InstanceId }.Order(), ListedInstances(all).Order());
        Assert.Equal([faulted.InstanceId], ListedInstances(onlyFaulted));
        Assert.Contains("data-count=\"faulted\">1<", onlyFaulted);
        Assert.Contains("In errore", onlyFaulted);
    }

    [Fact]
    public async Task InstancesList_ShowsCompanyNameAndFiltersByIt()
    {
        var companyId = Guid.NewGuid();
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmployerWorkflows.Web.Data.AppDbContext>();
            db.Add(new Company { Id = companyId, CodiceFiscale = "07123450012", Name = "Officine Monitor Srl" });
            await db.SaveChangesAsync();
        }
        var other = await StartReviewAsync();
        var mine = await StartWithCompanyAsync(companyId);
        var op = await Operator();

        var html = await HtmlAsync(await op.GetAsync("/monitor?company=officine"), HttpStatusCode.OK);

        Assert.Equal([mine], ListedInstances(html));
        Assert.Contains("Officine Monitor Srl", html);
        Assert.DoesNotContain(other.InstanceId.ToString(), html);
    }

    [Fact]
    public async Task InstancesList_PagesWithNextLink_WhenMoreThanOnePage()
    {
        var started = new List<Guid>();
        for (var n = 0; n < 3; n++) started.Add((await StartReviewAsync()).InstanceId);
        var op = await Operator();

        var first = await HtmlAsync(await op.GetAsync("/monitor?pageSize=2"), HttpStatusCode.OK);
        var next = Regex.Match(first, "rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value;
        var second = await HtmlAsync(await op.GetAsync(next), HttpStatusCode.OK);

        Assert.Equal(2, ListedInstances(first).Count);
        Assert.Contains("pageSize=2", next);
        Assert.Single(ListedInstances(second));
        Assert.Equal(started.Order(), ListedInstances(first).Concat(ListedInstances(second)).Order());
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    private async Task<Guid> StartWithCompanyAsync(Guid companyId)
    {
        using var scope = App.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<EmployerWorkflows.Runtime.Execution.IWorkflowEngine>();
        var result = await engine.StartAsync(new EmployerWorkflows.Runtime.Execution.StartWorkflow(
            "monitor-review", null, [], null, companyId, EmployerWorkflows.Runtime.Execution.WorkflowActor.System));
        return result.InstanceId;
    }
}
