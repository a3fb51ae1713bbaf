using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Audit;

/// <summary>A person asking to replace a company's administrator learns nothing about that company's people.</summary>
[Collection(CompaniesCollection.Name)]
public sealed class AdminReplacementPrivacyTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task OutsiderViews_ShowNoneOfTheAdministratorsData_AfterAdminReplacementRequest()
    {
        var (_, companyId) = await ActiveCompanyAsync();
        var administrator = await UserAsync(Representative);
        var outsider = await StartReplacementAsync("STRNGR");

        var views = await OutsiderViews.ReadAsync(outsider);

        Assert.Empty(OutsiderViews.Leaks(views, administrator.Email!, administrator.CodiceFiscale, administrator.Id,
            administrator.DisplayName, companyId.ToString()));
        Assert.Contains(views, v => v.Url == "/procedures" && v.Text.Contains("Sostituzione dell'amministratore"));
    }

    [Fact]
    public async Task MyJournal_ListsTheOutsidersOwnRequestAndStart_WithoutTheCompanysId()
    {
        await ActiveCompanyAsync();
        var outsider = await StartReplacementAsync("RCHDNT");

        var entries = await OutsiderViews.MyJournalAsync(outsider);

        Assert.Equal(["administrator.replacement-request", "started"], entries.Select(e => e.GetProperty("summary").GetString()).Order());
        Assert.All(entries, e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("companyId").ValueKind));
    }

    [Fact]
    public async Task CompanyJournal_ShowsTheRequestersDataInFull_ToTheAgency()
    {
        var (_, companyId) = await ActiveCompanyAsync();
        await StartReplacementAsync("VSBLGN");
        var reviewer = await Reviewer();

        var journal = await ReadAsync(await reviewer.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);

        var request = journal.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("trigger").GetString() == "administrator.replacement-request");
        Assert.Contains("Il vecchio amministratore non risponde.", request.GetProperty("summary").GetString());
        Assert.Equal(companyId, request.GetProperty("companyId").GetGuid());
    }

    [Fact]
    public async Task CompanyJournal_ShowsSecoDeskNothingOfAnItalianCompany_WhenTheyDidNothingThere()
    {
        var (_, companyId) = await ActiveCompanyAsync();
        await StartReplacementAsync("SCDSKN");
        var secoDesk = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.SecoDesk));

        var journal = await ReadAsync(await secoDesk.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);

        Assert.Empty(journal.GetProperty("entries").EnumerateArray());
    }

    private async Task<HttpClient> StartReplacementAsync(string surnameCode)
    {
        var person = await PersonAsync(surnameCode);
        var client = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        await ReadAsync(await client.PostAsJsonAsync("/api/admin-replacements",
            new { companyCodiceFiscale = CompanyCf, reason = "Il vecchio amministratore non risponde." }), HttpStatusCode.Created);
        return client;
    }

    private async Task<AppUser> UserAsync(string codiceFiscale)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(codiceFiscale))!;
    }
}
