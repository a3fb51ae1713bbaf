using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Intermediaries;

/// <summary>
/// An intermediary acting for an employer: within scope it acts and each step is journaled "X for employer Y";
/// a revoked or expired delegation, a scope that does not cover the procedure, or another employer's id are refused,
/// on the dedicated route and in the engine's one path alike.
/// </summary>
public sealed class ActingForEmployerTests : DelegationScenario
{
    private const string OtherEmployerCf = "23456780370";

    [Fact]
    public async Task Intermediary_RegistersTheEmployer_AndTheStepIsJournaledForTheEmployer_WhenTheScopeCoversIt()
    {
        var (_, companyId, consultant, person, _) = await DelegatedAsync([Intermittent]);

        var registration = await ReadAsync(await RegisterForIntermittentAsync(consultant, companyId), HttpStatusCode.Created);

        var acted = Assert.Single(await JournalAsync(companyId, "delegation.act"));
        Assert.Equal(person.CodiceFiscale, acted.CodiceFiscale);
        Assert.Contains("Studio Esempio", acted.Summary);
        Assert.Contains("for employer Officine Esempio", acted.Summary);
        Assert.Equal(registration.GetProperty("instanceId").GetGuid(), acted.InstanceId);
    }

    [Fact]
    public async Task Intermediary_IsRefused_WhenTheScopeDoesNotCoverTheProcedure()
    {
        var (_, companyId, consultant, person, _) = await DelegatedAsync(["jobroom-access-request"]);

        var body = await ReadAsync(await RegisterForIntermittentAsync(consultant, companyId), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("companyId", out _));

        // The engine refuses the same start whichever transport asks it.
        var refused = await Assert.ThrowsAsync<ActorNotAdmittedException>(() => StartAsAsync(person.Id, person.CodiceFiscale, companyId));
        Assert.Contains("does not cover", refused.Reason.En);
    }

    [Fact]
    public async Task Revocation_RefusesTheVeryNextRequest_OnTheRouteAndInTheEngine()
    {
        var (admin, companyId, consultant, person, delegationId) = await DelegatedAsync([Intermittent]);
        var registration = await ReadAsync(await RegisterForIntermittentAsync(consultant, companyId), HttpStatusCode.Created);
        var instanceId = registration.GetProperty("instanceId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);

        await ReadAsync(await admin.PostAsync($"/api/companies/{companyId}/delegations/{delegationId}/revoke", null), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);
        using var scope = App.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var actor = Actor(person.Id, person.CodiceFiscale, companyId);
        var refused = await Assert.ThrowsAsync<ActorNotAdmittedException>(() =>
            engine.FireAsync(new FireTrigger(instanceId, "approve", actor, null, null)));
        Assert.Contains("revoked", refused.Reason.En);
        Assert.Empty(await engine.GetPermittedActionsAsync(instanceId, actor));
        var instance = await scope.ServiceProvider.GetRequiredService<InstanceQueries>().FindAsync(instanceId);
        Assert.Equal("UnderReview", instance!.State);
    }

    [Fact]
    public async Task ExpiredDelegation_IsRefused_FromTheDayAfterItsLastDay()
    {
        var (_, companyId, consultant, person, _) = await DelegatedAsync([Intermittent], days: 3);

        App.Clock.Advance(TimeSpan.FromDays(4));
        consultant = await TestClients.LoggedInAsync(App, person.CodiceFiscale);

        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RegisterForIntermittentAsync(consultant, companyId)).StatusCode);
        var refused = await Assert.ThrowsAsync<ActorNotAdmittedException>(() => StartAsAsync(person.Id, person.CodiceFiscale, companyId));
        Assert.Contains("expired", refused.Reason.En);
    }

    [Fact]
    public async Task Intermediary_IsRefused_ForAnotherEmployersId()
    {
        var (_, _, consultant, _, _) = await DelegatedAsync([Intermittent]);
        var (_, companyB) = await ActiveCompanyAsync(OtherEmployerCf);

        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyB}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RegisterForIntermittentAsync(consultant, companyB)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SwitchAsync(consultant, companyB)).StatusCode);
        Assert.Empty(await JournalAsync(companyB, "delegation.switch"));
    }

    [Fact]
    public async Task Header_ShowsTheEmployerTheIntermediaryActsFor_AndSwitchesBetweenEmployers()
    {
        var (_, companyA, consultant, person, _) = await DelegatedAsync([Intermittent]);
        var (adminB, companyB) = await ActiveCompanyAsync(OtherEmployerCf);
        await InviteAsync(adminB, companyB, person, [Intermittent], Today.AddDays(30));
        await ReadAsync(await AnswerAsync(consultant, companyB, "accept"), HttpStatusCode.OK);

        var html = await TestClients.HtmlAsync(await consultant.GetAsync("/intermediary"), HttpStatusCode.OK);
        Assert.Contains("Per conto di", html);
        var current = Guid.Parse(Regex.Match(html, "data-acting-for=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains(current, new[] { companyA, companyB });
        var other = current == companyA ? companyB : companyA;

        var switched = await SwitchAsync(consultant, other);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        html = await TestClients.HtmlAsync(await consultant.GetAsync("/intermediary"), HttpStatusCode.OK);
        Assert.Contains($"data-acting-for=\"{other}\"", html);
        Assert.Single(await JournalAsync(other, "delegation.switch"));
    }

    /// <summary>The header's switch, posted as the browser does with the page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, Guid companyId)
    {
        var html = await client.GetStringAsync("/intermediary");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/acting-for", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["companyId"] = companyId.ToString(), ["returnUrl"] = "/intermediary", ["__RequestVerificationToken"] = token,
        }));
    }

    private static WorkflowActor Actor(string userId, string cf, Guid companyId) =>
        new(userId, cf, "Consulente", new HashSet<string>(), companyId);

    private async Task<WorkflowResult> StartAsAsync(string userId, string cf, Guid companyId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().StartAsync(
            new StartWorkflow(Intermittent, null, null, Guid.NewGuid().ToString(), companyId, Actor(userId, cf, companyId)));
    }
}
