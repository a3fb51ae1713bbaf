using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.JobRoom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Audit;

/// <summary>A person asking to join a UID's Job-Room account learns nothing about its main administrator.</summary>
[Collection(JobRoomCollection.Name)]
public sealed class JobRoomAccessPrivacyTests(JobRoomHost host)
{
    [Fact]
    public async Task OutsiderViews_ShowNoneOfTheMainAdministratorsData_AfterJobRoomAccessRequest()
    {
        var company = await host.CompanyAsync("Riserbo SA");
        var administrator = await UserAsync(company.AdminCf);
        var (_, outsider, _, instanceId) = await host.ColleagueAsync(company, "Ottavio");

        var views = await OutsiderViews.ReadAsync(outsider, $"/api/jobroom/procedures/{instanceId}");

        Assert.Empty(OutsiderViews.Leaks(views, $"{company.AdminCf}@example.ch", administrator.Email!, administrator.CodiceFiscale,
            administrator.Id, administrator.DisplayName));
        Assert.Contains(views, v => v.Url == "/procedures" && v.Text.Contains("Richiesta di accesso a un conto Job-Room esistente"));
    }

    [Fact]
    public async Task MainAdministratorsTaskPage_ShowsTheRequestersStart_WhenTheyDecide()
    {
        var company = await host.CompanyAsync("Decide SA");
        var (requesterCf, _, _, instanceId) = await host.ColleagueAsync(company, "Teresa");
        var tasks = await OutsiderViews.ReadAsync(company.Admin);

        var page = Assert.Single(tasks, v => v.Url.StartsWith("/tasks/") && v.Text.Contains("Approva o rifiuta la richiesta di accesso"));

        var requester = await UserAsync(requesterCf);
        var history = page.Text[page.Text.IndexOf("Storico della pratica", StringComparison.Ordinal)..];
        Assert.Contains(requester.DisplayName, history);
        Assert.Contains(instanceId.ToString(), string.Concat(tasks.Where(v => v.Url == "/api/tasks").Select(v => v.Text)));
    }

    private async Task<AppUser> UserAsync(string codiceFiscale)
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(codiceFiscale))!;
    }
}
