using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// The correction deadline's steps carry their own rules (<c>jobroom.chooseFund</c>, <c>jobroom.moveCorrectionDeadline</c>):
/// the dedicated routes only translate, and the deadline variables are never written from a payload.
/// </summary>
[Collection(JobRoomCollection.Name)]
public sealed class CorrectionDeadlineRulesTests(JobRoomHost host)
{
    [Fact]
    public async Task ExtensionGranted_RefusesADayNotLaterThanTheDeadline_AndJournalsNothing()
    {
        var company = await host.CompanyAsync("Anticipi Faido SA");
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var (id, reference, deadlineId) = await host.RenewalAtLoginStepAsync(company, today.AddDays(20).ToString("yyyy-MM-dd"));
        var before = await host.InstanceAsync(deadlineId);

        var response = await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/deadline/extension-granted",
            new { newDeadline = today.AddDays(10).ToString("yyyy-MM-dd") });

        Assert.Equal(["newDeadline"], await JobRoomScenario.ErrorFieldsAsync(response));
        var after = await host.InstanceAsync(deadlineId);
        Assert.Equal((before.Version, before.Variables), (after.Version, after.Variables));
        Assert.DoesNotContain(await host.QueryAsync(db => db.Set<JournalEntry>().Where(e => e.Trigger == "jobroom.correctionDeadline.extended").ToListAsync()),
            e => e.Summary.Contains(reference));
    }

    [Fact]
    public async Task ExtensionRequest_RefusesAFundOutsideTheList()
    {
        var company = await host.CompanyAsync("Casse Ignote Osogna SA");
        var (id, _, deadlineId) = await host.RenewalAtLoginStepAsync(company);

        var response = await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/deadline/extension-request",
            new { fundId = "nessuna", reason = "Contabilità in revisione." });

        Assert.Equal(["fundId"], await JobRoomScenario.ErrorFieldsAsync(response));
        Assert.Equal("Open", (await host.InstanceAsync(deadlineId)).State);
    }

    [Fact]
    public async Task ExtensionGranted_RefusesDeadlineVariablesInThePayload_WhenFiredDirectly()
    {
        var company = await host.CompanyAsync("Scorciatoie Pollegio SA");
        var (_, _, deadlineId) = await host.RenewalAtLoginStepAsync(company);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();

        var refused = await Assert.ThrowsAsync<PayloadInvalidException>(() => engine.FireAsync(db, new FireTrigger(deadlineId, "extensionGranted",
            WorkflowActor.System, new JsonObject { ["newDeadline"] = "2099-01-01", ["correctionDeadlineAt"] = "2099-01-02T00:00:00Z" })));

        Assert.Equal(["correctionDeadlineAt"], refused.Errors.Keys);
        Assert.Equal("Open", (await host.InstanceAsync(deadlineId)).State);
    }
}
