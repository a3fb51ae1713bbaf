using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Intermediaries;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Intermediaries;

/// <summary>«Invita per…»: registration of the intermediary, the invitation procedure, and acting within the delegation.</summary>
public sealed class DelegationTests : DelegationScenario
{
    [Fact]
    public async Task IntermediaryRegistration_IsRefused_WhenTheTypeDoesNotActForEmployers()
    {
        var person = await PersonAsync("NTRMDR");
        var client = await TestClients.LoggedInAsync(App, person.CodiceFiscale);

        var body = await ReadAsync(await client.PutAsJsonAsync("/api/intermediaries/me",
            new { type = "private-employer", name = "Studio", registerName = "Albo", registerNumber = "1" }), HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/intermediaries/me")).StatusCode);
    }

    [Fact]
    public async Task Invitation_EmailsTheIntermediary_AndAcceptingIt_LetsThemSeeTheEmployer()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var (consultant, person) = await ConsultantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);

        var invited = await InviteAsync(admin, companyId, person, [Intermittent], Today.AddDays(60));
        var mail = (await MailsAsync(1, "ti invita a operare")).Single();
        Assert.Contains(person.Email!, mail.To.ToString());
        Assert.Contains("Registrazione al servizio Gestione Intermittenti", mail.TextBody);
        Assert.Equal("Invited", invited.GetProperty("status").GetString());

        await ReadAsync(await AnswerAsync(consultant, companyId, "accept"), HttpStatusCode.OK);

        var mine = await ReadAsync(await consultant.GetAsync("/api/intermediaries/me/delegations"), HttpStatusCode.OK);
        Assert.Equal("Active", mine[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);
        // Seeing the employer is not managing it: its people stay with its administrators.
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/api/companies/{companyId}/members")).StatusCode);
    }

    [Fact]
    public async Task Refusing_LeavesTheIntermediaryWithoutAccess()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var (consultant, person) = await ConsultantAsync();
        await InviteAsync(admin, companyId, person, [Intermittent], Today.AddDays(60));

        await ReadAsync(await AnswerAsync(consultant, companyId, "refuse"), HttpStatusCode.OK);

        var list = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/delegations"), HttpStatusCode.OK);
        Assert.Equal("Refused", list[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);
    }

    [Fact]
    public async Task Invite_IsRefused_WhenThePersonIsNotARegisteredIntermediary()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var stranger = await PersonAsync("STRNGR");

        var body = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/delegations",
            new { intermediaryCodiceFiscale = stranger.CodiceFiscale, scope = new[] { Intermittent }, expiresOn = Today.AddDays(10) }), HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("errors").TryGetProperty("intermediaryCodiceFiscale", out _));
        var delegations = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/delegations"), HttpStatusCode.OK);
        Assert.Empty(delegations.EnumerateArray());
    }

    [Fact]
    public async Task Invite_IsRefused_WhenTheScopeIsUnknownOrTheExpiryHasPassed()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var (_, person) = await ConsultantAsync();

        var body = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/delegations",
            new { intermediaryCodiceFiscale = person.CodiceFiscale, scope = new[] { "admin-replacement" }, expiresOn = Today }), HttpStatusCode.BadRequest);

        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("scope", out _));
        Assert.True(errors.TryGetProperty("expiresOn", out _));
    }

    [Fact]
    public async Task Invite_IsRefused_ForAnotherEmployersId()
    {
        var (_, companyA) = await ActiveCompanyAsync("12345670371");
        var otherAdmin = await PersonAsync("BBBDMN");
        var other = await TestClients.LoggedInAsync(App, otherAdmin.CodiceFiscale);
        var (_, person) = await ConsultantAsync();

        var response = await other.PostAsJsonAsync($"/api/companies/{companyA}/delegations",
            new { intermediaryCodiceFiscale = person.CodiceFiscale, scope = new[] { Intermittent }, expiresOn = Today.AddDays(10) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_AnInvitation_ClosesItsTask_SoItCannotBeAccepted()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var (consultant, person) = await ConsultantAsync();
        var invited = await InviteAsync(admin, companyId, person, [Intermittent], Today.AddDays(60));
        var task = await TaskForAsync(consultant, companyId);

        await ReadAsync(await admin.PostAsync($"/api/companies/{companyId}/delegations/{invited.GetProperty("id").GetGuid()}/revoke", null), HttpStatusCode.OK);
        var accept = await CompleteAsync(consultant, task, "accept", new());

        Assert.NotEqual(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/api/companies/{companyId}")).StatusCode);
    }
}
