using System.Net;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>The people page drives the same actions as the API, asks before destroying, and says what follows.</summary>
public sealed class PeoplePageTests : CompanyScenario
{
    [Fact]
    public async Task EndOfRelationship_AsksForConfirmationAndRecordsNothing_WhenFirstPosted()
    {
        var (admin, companyId, memberId, _) = await CollaboratorAsync("FNCNFR");
        var endedOn = Today();

        var asked = await TestClients.HtmlAsync(await PostAsync(admin, companyId, "End", memberId, ("endedOn", $"{endedOn:yyyy-MM-dd}")), HttpStatusCode.OK);

        Assert.Contains("id=\"confirm-step\"", asked);
        Assert.Contains($"I privilegi andranno revocati entro il {endedOn.AddDays(5):dd/MM/yyyy} (5 giorni).", asked);
        Assert.Null((await MemberAsync(memberId)).RelationshipEndedOn);
    }

    [Fact]
    public async Task EndOfRelationship_PageAndEmailNameTheSameLastDay_WhenConfirmed()
    {
        var (admin, companyId, memberId, _) = await CollaboratorAsync("FNSMDY");
        var endedOn = Today();
        var lastDay = $"{endedOn.AddDays(5):dd/MM/yyyy}";

        var done = await PostAsync(admin, companyId, "End", memberId, ("endedOn", $"{endedOn:yyyy-MM-dd}"), ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await TestClients.HtmlAsync(await admin.GetAsync(done.Headers.Location), HttpStatusCode.OK);
        Assert.Contains($"i privilegi vanno revocati entro il {lastDay}.", page);
        Assert.Contains($"revoca entro il {lastDay} (5 giorni)", page);
        var email = (await MailsAsync(1, "Fine del rapporto")).Single();
        Assert.Contains($"revoca entro il {lastDay}", email.Subject);
        Assert.Contains($"vanno revocati entro il {lastDay}.", email.TextBody);
        Assert.DoesNotContain($"{endedOn.AddDays(6):dd/MM/yyyy}", email.TextBody);
    }

    [Fact]
    public async Task Revoke_AsksForConfirmationFirst_ThenRevokesAndSaysSo()
    {
        var (admin, companyId, memberId, person) = await CollaboratorAsync("RVCPGN");

        var asked = await TestClients.HtmlAsync(await PostAsync(admin, companyId, "Revoke", memberId), HttpStatusCode.OK);
        Assert.Contains($"Confermi la revoca di tutti i privilegi di {person.DisplayName}?", asked);
        Assert.Equal(MembershipStatus.Active, (await MemberAsync(memberId)).Status);

        var done = await PostAsync(admin, companyId, "Revoke", memberId, ("confirmed", "true"));

        Assert.Equal(MembershipStatus.Revoked, (await MemberAsync(memberId)).Status);
        Assert.Contains($"Privilegi di {person.DisplayName} revocati", await TestClients.HtmlAsync(await admin.GetAsync(done.Headers.Location), HttpStatusCode.OK));
    }

    [Fact]
    public async Task StolenAdministratorCredentials_SuspendAndSayTheAgencyActsNext_WhenConfirmed()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("STLNPG");
        var memberId = (await EnableAsync(admin, companyId, person, "Administrator", [])).GetProperty("id").GetGuid();

        var done = await PostAsync(admin, companyId, "Stolen", memberId, ("confirmed", "true"));

        Assert.Equal(MembershipStatus.Suspended, (await MemberAsync(memberId)).Status);
        var page = await TestClients.HtmlAsync(await admin.GetAsync(done.Headers.Location), HttpStatusCode.OK);
        Assert.Contains("Ora tocca all'agenzia: «Credenziali di amministratore rubate: verifica»", page);
    }

    [Fact]
    public async Task RoleChange_SaysTheReviewTaskIsYoursWithItsDeadline()
    {
        var (admin, companyId, memberId, _) = await CollaboratorAsync("RLCHPG");
        var due = App.Clock.GetUtcNow().AddDays(5).ToLocalTime().ToString("dd/MM/yyyy");

        var done = await PostAsync(admin, companyId, "Role", memberId, ("description", "Passa all'ufficio acquisti"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await TestClients.HtmlAsync(await admin.GetAsync(done.Headers.Location), HttpStatusCode.OK);
        Assert.Contains($"Ora tocca a te: «Verifica i profili dopo il cambio di ruolo»; ha 5 giorni, scadenza {due}.", page);
    }

    [Fact]
    public async Task EditProfiles_ReplacesTheProfiles_WhenSaved()
    {
        var (admin, companyId, memberId, _) = await CollaboratorAsync("PRFLPG");
        var editor = await TestClients.HtmlAsync(await admin.GetAsync($"/companies/{companyId}/people?edit={memberId}"), HttpStatusCode.OK);
        Assert.Contains("id=\"edit-profiles\"", editor);

        var version = (await MemberAsync(memberId)).Version;

        var done = await PostAsync(admin, companyId, "Profiles", memberId, ("expectedVersion", $"{version}"), ("relationship", "Stable"),
            ("dataProcessingAuthorised", "true"), ("profiles", "storico-co-sare@"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(["storico-co-sare"], (await MemberAsync(memberId)).Profiles.Select(p => p.Profile));
    }

    [Fact]
    public async Task RevokeConfirmation_SpeaksEnglish_WhenTheReaderDoes()
    {
        var (admin, companyId, memberId, person) = await CollaboratorAsync("RVCENG");

        var asked = await TestClients.HtmlAsync(await PostAsync(admin, companyId, "Revoke", memberId, culture: "en-GB"), HttpStatusCode.OK);

        Assert.Contains($"Confirm revoking every privilege of {person.DisplayName}?", asked);
        Assert.Contains("Confirm: revoke the privileges", asked);
    }

    private async Task<(HttpClient Admin, Guid CompanyId, Guid MemberId, Web.Features.Identity.AppUser Person)> CollaboratorAsync(string code)
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync(code);
        return (admin, companyId, (await EnableAsync(admin, companyId, person)).GetProperty("id").GetGuid(), person);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, Guid companyId, string handler, Guid memberId, params (string Name, string Value)[] fields) =>
        PostAsync(admin, companyId, handler, memberId, null, fields);

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, Guid companyId, string handler, Guid memberId, string? culture,
        params (string Name, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        form["memberId"] = memberId.ToString();
        var page = $"/companies/{companyId}/people" + (culture is null ? "" : $"?culture={culture}&ui-culture={culture}");
        return TestClients.PostFormAsync(admin, page, handler, form);
    }

    private DateOnly Today() => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private async Task<Membership> MemberAsync(Guid memberId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>().AsNoTracking().Include(m => m.Profiles)
            .SingleAsync(m => m.Id == memberId);
    }
}
