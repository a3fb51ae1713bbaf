using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// Accepting a proposed renewal names the responsible person and the correction deadline through the step's own rule
/// (<c>jobroom.beginRenewal</c>): the task API, the task page and the dedicated route agree, and no payload writes
/// the requester, the recipients or the deadline.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class RenewalAcceptPathTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    [Fact]
    public async Task Accept_RefusesRequesterAndRecipients_ThroughTheTaskApi()
    {
        var (company, _, id) = await ProposedAsync("Protetti Bellinzona SA", "Teo");
        var before = await host.InstanceAsync(id);
        var stranger = new JsonObject { ["userId"] = "someone-else", ["email"] = "intruso@example.org", ["name"] = "Intruso" };

        var response = await TaskPaths.CompleteAsync(company.Admin, id, "accept", new JsonObject
        {
            ["requester"] = stranger,
            ["companyRecipients"] = new JsonArray(stranger.DeepClone()),
            ["correctionDeadline"] = "01/01/2030",
        });

        var errors = await TaskPaths.ProblemAsync(response);
        Assert.Equal(["companyRecipients", "correctionDeadline", "requester"], errors.EnumerateObject().Select(p => p.Name).Order());
        var after = await host.InstanceAsync(id);
        Assert.Equal(("Proposed", before.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task Accept_RefusesAnotherCompanysAccount_ThroughTheTaskApi()
    {
        var (company, _, id) = await ProposedAsync("Confini Mendrisio SA", "Ada");
        var other = await host.CompanyAsync("Altrove Stabio SA");

        var response = await TaskPaths.CompleteAsync(company.Admin, id, "accept",
            new JsonObject { ["responsibleAccountId"] = other.AdminAccountId.ToString() });

        var errors = await TaskPaths.ProblemAsync(response);
        Assert.Equal(["responsibleAccountId"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Proposed", (await host.InstanceAsync(id)).State);
        Assert.Null(await DeadlineInstanceAsync(id));
    }

    [Fact]
    public async Task Accept_RefusesPastDeadline_ThroughTheTaskPage()
    {
        var (company, _, id) = await ProposedAsync("Scadenze Biasca SA", "Rita");
        var yesterday = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-1);

        var response = await TaskPaths.PostPageAsync(company.Admin, id, "accept",
            new Dictionary<string, string> { ["deadline"] = yesterday.ToString("yyyy-MM-dd") });

        Assert.Contains("Indicare una data (aaaa-mm-gg) non passata.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Proposed", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task Accept_NamesTheChosenColleagueAndDeadline_AlikeThroughTaskApiAndDedicatedRoute()
    {
        var (first, firstColleague, viaTasks) = await ProposedAsync("Percorso Uno Giubiasco SA", "Elia");
        var (second, secondColleague, viaRoute) = await ProposedAsync("Percorso Due Giubiasco SA", "Elia");
        var deadline = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(40).ToString("yyyy-MM-dd");
        using var firstAdmin = await host.ClientAsync(first.AdminCf);

        var api = await TaskPaths.CompleteAsync(firstAdmin, viaTasks, "accept",
            new JsonObject { ["responsibleAccountId"] = firstColleague.AccountId.ToString(), ["deadline"] = deadline });
        var route = await second.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{viaRoute}/accept",
            new { responsibleAccountId = secondColleague.AccountId, correctionDeadline = deadline });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (api.StatusCode, route.StatusCode));
        foreach (var (id, colleague) in new[] { (viaTasks, firstColleague), (viaRoute, secondColleague) })
        {
            var instance = await host.InstanceAsync(id);
            var variables = JsonNode.Parse(instance.Variables)!.AsObject();
            Assert.Equal("AccountCheck", instance.State);
            Assert.Equal($"{colleague.Cf}@example.ch", (string?)variables["requester"]?["email"], ignoreCase: true);
            Assert.Equal(deadline, (string?)variables["correctionDeadlineDate"]);
            var deadlineId = await DeadlineInstanceAsync(id);
            Assert.NotNull(deadlineId);
            Assert.Equal(InstanceStatus.Running, (await host.InstanceAsync(deadlineId.Value)).Status);
        }
    }

    [Fact]
    public async Task StartRenewal_RefusesPastDeadline_WithoutCreatingAProcedure()
    {
        var company = await host.CompanyAsync("Ieri Airolo SA");
        var before = await host.QueryAsync(db => db.Set<WriteRightsProcedure>().CountAsync());
        var yesterday = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd");

        var response = await company.Admin.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid, correctionDeadline = yesterday });

        Assert.Equal(["deadline"], await JobRoomScenario.ErrorFieldsAsync(response));
        Assert.Equal(before, await host.QueryAsync(db => db.Set<WriteRightsProcedure>().CountAsync()));
    }

    /// <summary>A renewal the daily check proposed to the company's main administrator, the filer having been unused for six months.</summary>
    private async Task<(JobRoomCompany Company, (string Cf, HttpClient Client, Guid AccountId, Guid InstanceId) Colleague, Guid InstanceId)> ProposedAsync(
        string name, string colleagueName)
    {
        var company = await host.CompanyAsync(name);
        var colleague = await host.ColleagueAsync(company, colleagueName);
        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/approve", new { });
        var caseId = await host.BackPaymentCaseAsync(company, colleague.AccountId, "A87654321");
        host.Clock.Advance(TimeSpan.FromDays(185));
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InactivityCheckJob>().RunAsync(CancellationToken.None);
        var id = await host.QueryAsync(db => db.Set<BackPaymentCase>().Where(c => c.Id == caseId).Select(c => c.RenewalInstanceId).SingleAsync());
        Assert.Equal("Proposed", (await host.InstanceAsync(id!.Value)).State);
        // Six months later the sign-in of the set-up has expired: the administrator signs in again.
        return (company with { Admin = await host.ClientAsync(company.AdminCf) }, colleague, id.Value);
    }

    private Task<Guid?> DeadlineInstanceAsync(Guid id) =>
        host.QueryAsync(db => db.Set<WriteRightsProcedure>().Where(p => p.InstanceId == id).Select(p => p.DeadlineInstanceId).SingleAsync());
}
