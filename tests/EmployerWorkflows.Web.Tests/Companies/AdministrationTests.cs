using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

[Collection(CompaniesCollection.Name)]
public sealed class AdministrationTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task AdminReplacement_EnablesNewAdministratorWhoDisablesTheOldOne()
    {
        var (oldAdmin, companyId) = await ActiveCompanyAsync();
        var newcomer = await PersonAsync("NWDMIN");
        var requester = await TestClients.LoggedInAsync(App, newcomer.CodiceFiscale);
        var started = await ReadAsync(await requester.PostAsJsonAsync("/api/admin-replacements",
            new { companyCodiceFiscale = CompanyCf, reason = "L'amministratore ha lasciato l'azienda." }), HttpStatusCode.Created);
        var instanceId = started.GetProperty("instanceId").GetGuid();

        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);
        Assert.Single(await MailsAsync(1, "Sei amministratore"));

        var members = await ReadAsync(await requester.GetAsync($"/api/companies/{companyId}/members"), HttpStatusCode.OK);
        var old = members.EnumerateArray().Single(m => m.GetProperty("codiceFiscale").GetString() == Representative);
        await ReadAsync(await requester.PostAsJsonAsync($"/api/admin-replacements/{instanceId}/disable-old",
            new { membershipId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        await ReadAsync(await requester.PostAsJsonAsync($"/api/admin-replacements/{instanceId}/disable-old",
            new { membershipId = old.GetProperty("id").GetGuid() }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await oldAdmin.GetAsync($"/api/companies/{companyId}/members")).StatusCode);
        using var scope = App.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>().SingleAsync(m => m.Id == old.GetProperty("id").GetGuid());
        Assert.Equal(MembershipStatus.Revoked, stored.Status);
    }

    [Fact]
    public async Task AdminReplacement_IsRefused_ForUnknownCompanyOrMissingReason()
    {
        var requester = await TestClients.LoggedInAsync(App, (await PersonAsync("NOCMPY")).CodiceFiscale);
        var noReason = await ReadAsync(await requester.PostAsJsonAsync("/api/admin-replacements", new { companyCodiceFiscale = CompanyCf }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var unknown = await ReadAsync(await requester.PostAsJsonAsync("/api/admin-replacements",
            new { companyCodiceFiscale = CompanyCf, reason = "Accesso perso." }), HttpStatusCode.BadRequest);
        Assert.Contains("Nessuna azienda attiva", unknown.GetProperty("errors").GetProperty("companyCodiceFiscale")[0].GetString());
    }

    [Fact]
    public async Task UpdateCompany_ChangesEverythingButTheCodiceFiscale_AndJournalsWhoAndWhat()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var company = await CompanyAsync(admin, companyId);
        var changed = Input() with { CodiceFiscale = null, Pec = "nuova-pec@pec.it" };
        var updated = await ReadAsync(await admin.PutAsJsonAsync($"/api/companies/{companyId}",
            new { company = changed, expectedVersion = company.GetProperty("version").GetInt64() }), HttpStatusCode.OK);
        Assert.Equal("nuova-pec@pec.it", updated.GetProperty("pec").GetString());

        var stale = await admin.PutAsJsonAsync($"/api/companies/{companyId}", new { company = changed, expectedVersion = company.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleProblem = await ReadAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(updated.GetProperty("version").GetInt64(), staleProblem.GetProperty("currentVersion").GetInt64());
        Assert.Contains("Ricarica", staleProblem.GetProperty("detail").GetString());
        var cfChange = await ReadAsync(await admin.PutAsJsonAsync($"/api/companies/{companyId}",
            new { company = Input("07123450012"), expectedVersion = updated.GetProperty("version").GetInt64() }), HttpStatusCode.BadRequest);
        Assert.True(cfChange.GetProperty("errors").TryGetProperty("codiceFiscale", out _));

        var journal = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);
        var entry = journal.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("trigger").GetString() == "company.update");
        Assert.Contains("nuova-pec@pec.it", entry.GetProperty("summary").GetString());
        Assert.Equal(Representative, entry.GetProperty("codiceFiscale").GetString());
        var mine = await ReadAsync(await admin.GetAsync("/api/me/journal"), HttpStatusCode.OK);
        Assert.Contains(mine.GetProperty("entries").EnumerateArray(), e => e.GetProperty("trigger").GetString() == "company.update");
    }

    [Fact]
    public async Task Units_CanBeAddedAndRemoved_ButNeverTheLastOne()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var first = (await CompanyAsync(admin, companyId)).GetProperty("units")[0].GetProperty("id").GetGuid();
        var lastRefused = await ReadAsync(await admin.DeleteAsync($"/api/companies/{companyId}/units/{first}"), HttpStatusCode.Conflict);
        Assert.Contains("almeno un'unità", lastRefused.GetProperty("title").GetString());

        var added = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/units", new { name = "Filiale di Modena" }), HttpStatusCode.Created);
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/units", new { name = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/companies/{companyId}/units/{first}")).StatusCode);
        var units = (await CompanyAsync(admin, companyId)).GetProperty("units");
        Assert.Equal(added.GetProperty("id").GetGuid(), units.EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ConventionAdministrator_IsOffered_OnlyAfterTheAgencyRecordsTheConvention()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("CNVNZN");
        object[] profile = [new { profile = "amministratore-convenzionati", unitId = (Guid?)null }];
        var refused = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members", new
        {
            codiceFiscale = person.CodiceFiscale, kind = "Administrator", relationship = "Stable", dataProcessingAuthorised = true, profiles = profile,
        }), HttpStatusCode.BadRequest);
        Assert.Contains("convenzioni", refused.GetProperty("errors").GetProperty("profiles[0]")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/companies/{companyId}/convention", new { inConvention = true })).StatusCode);

        await ReadAsync(await (await Reviewer()).PutAsJsonAsync($"/api/companies/{companyId}/convention", new { inConvention = true }), HttpStatusCode.OK);
        await EnableAsync(admin, companyId, person, "Administrator", profile);
    }

    [Fact]
    public async Task FurtherAdministrator_CanBeAppointedByAnAdministrator()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("SECOND");
        var member = await EnableAsync(admin, companyId, person, "Administrator", []);
        Assert.Equal("Administrator", member.GetProperty("kind").GetString());
        var second = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/api/companies/{companyId}/members")).StatusCode);
        var temporary = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members", new
        {
            codiceFiscale = (await PersonAsync("TMPDMN")).CodiceFiscale, kind = "Administrator", relationship = "Temporary", dataProcessingAuthorised = true,
        }), HttpStatusCode.BadRequest);
        Assert.True(temporary.GetProperty("errors").TryGetProperty("relationship", out _));
    }
}
