using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.JobRoom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>
/// Company procedures through the generic paths: a payload can never set the procedure's own variables, and the
/// administrator-replacement check holds on the task API and the task page as on its dedicated endpoint.
/// </summary>
[Collection(CompaniesCollection.Name)]
public sealed class OnePathTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task Integrate_RefusesAnotherCompanyId_ThroughTheTaskApi()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "requestIntegration",
            new JsonObject { ["reason"] = "Manca la visura camerale." }), HttpStatusCode.OK);

        var response = await CompleteAsync(submitter, await TaskForAsync(submitter, companyId), "resubmit",
            new JsonObject { ["message"] = "Ecco.", ["companyId"] = Guid.NewGuid().ToString() });

        var errors = (await ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["companyId"], errors.EnumerateObject().Select(p => p.Name));
        var instance = await InstanceAsync(companyId);
        Assert.Equal(("AwaitingIntegration", companyId.ToString()), (instance.State, JsonNode.Parse(instance.Variables)!["companyId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OldDisabled_RefusesRequestersOwnMembership_ThroughTheTaskApi()
    {
        var (requester, instanceId, companyId) = await ReplacementApprovedAsync();
        var own = await OwnMembershipAsync(companyId, requester);

        var response = await TaskPaths.CompleteAsync(requester, instanceId, "oldDisabled", new JsonObject { ["membershipId"] = own.ToString() });

        var errors = (await ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["membershipId"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(MembershipStatus.Active, await MembershipStatusAsync(own));
        Assert.Equal(InstanceStatus.Running, (await InstanceByIdAsync(instanceId)).Status);
    }

    [Fact]
    public async Task OldDisabled_RefusesRequestersOwnMembership_ThroughTheTaskPage()
    {
        var (requester, instanceId, companyId) = await ReplacementApprovedAsync();
        var own = await OwnMembershipAsync(companyId, requester);

        var response = await TaskPaths.PostPageAsync(requester, instanceId, "oldDisabled", new Dictionary<string, string> { ["membershipId"] = own.ToString() });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Indica uno dei vecchi amministratori dell'azienda.", html);
        Assert.Equal(MembershipStatus.Active, await MembershipStatusAsync(own));
        Assert.Equal("DisablingOldAdministrator", (await InstanceByIdAsync(instanceId)).State);
    }

    [Fact]
    public async Task OldDisabled_RefusesRequestersOwnMembership_ThroughTheDedicatedEndpoint()
    {
        var (requester, instanceId, companyId) = await ReplacementApprovedAsync();
        var own = await OwnMembershipAsync(companyId, requester);

        var response = await requester.PostAsJsonAsync($"/api/admin-replacements/{instanceId}/disable-old", new { membershipId = own });

        await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(MembershipStatus.Active, await MembershipStatusAsync(own));
    }

    private async Task<(HttpClient Requester, Guid InstanceId, Guid CompanyId)> ReplacementApprovedAsync()
    {
        var (_, companyId) = await ActiveCompanyAsync();
        var newcomer = await PersonAsync("NWDMIN");
        var requester = await TestClients.LoggedInAsync(App, newcomer.CodiceFiscale);
        var started = await ReadAsync(await requester.PostAsJsonAsync("/api/admin-replacements",
            new { companyCodiceFiscale = CompanyCf, reason = "L'amministratore ha lasciato l'azienda." }), HttpStatusCode.Created);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);
        return (requester, started.GetProperty("instanceId").GetGuid(), companyId);
    }

    private async Task<Guid> OwnMembershipAsync(Guid companyId, HttpClient requester)
    {
        var members = await ReadAsync(await requester.GetAsync($"/api/companies/{companyId}/members"), HttpStatusCode.OK);
        return members.EnumerateArray().Single(m => m.GetProperty("codiceFiscale").GetString() != Representative).GetProperty("id").GetGuid();
    }

    private async Task<MembershipStatus> MembershipStatusAsync(Guid membershipId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>().Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync();
    }

    private async Task<WorkflowInstance> InstanceAsync(Guid companyId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<WorkflowInstance>().AsNoTracking()
            .SingleAsync(i => i.CompanyId == companyId && i.DefinitionId == "company-registration");
    }

    private async Task<WorkflowInstance> InstanceByIdAsync(Guid id)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
