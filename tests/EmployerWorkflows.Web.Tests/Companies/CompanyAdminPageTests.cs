using System.Net;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>The company administration page changes units and data through the same service as the API, and shows its refusals beside the form.</summary>
[Collection(CompaniesCollection.Name)]
public sealed class CompanyAdminPageTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task CompanyAdminPage_ShowsTheRefusalAndKeepsTheUnit_WhenTheLastUnitIsDeleted()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var only = (await CompanyAsync(admin, companyId)).GetProperty("units")[0].GetProperty("id").GetGuid();

        var refused = await TestClients.PostFormAsync(admin, $"/companies/{companyId}", "DeleteUnit", new() { ["unitId"] = only.ToString() });

        var html = await TestClients.HtmlAsync(refused, HttpStatusCode.OK);
        Assert.Contains("id=\"unit-error\">Ogni azienda deve avere almeno un'unità organizzativa", html);
        Assert.Equal(only, (await CompanyAsync(admin, companyId)).GetProperty("units").EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task CompanyAdminPage_AddsAndRenamesAUnitAndJournalsBoth_WhenTheAdministratorSubmits()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var page = $"/companies/{companyId}";

        var added = await TestClients.PostFormAsync(admin, page, "AddUnit", new() { ["name"] = "Filiale di Parma", ["code"] = "PR" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var unit = (await CompanyAsync(admin, companyId)).GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Filiale di Parma");
        Assert.Equal("PR", unit.GetProperty("code").GetString());

        var renamed = await TestClients.PostFormAsync(admin, page, "RenameUnit",
            new() { ["unitId"] = unit.GetProperty("id").GetGuid().ToString(), ["name"] = "Filiale di Piacenza", ["code"] = "PC" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains((await CompanyAsync(admin, companyId)).GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "Filiale di Piacenza");

        var journal = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);
        var triggers = journal.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("trigger").GetString()).ToList();
        Assert.Contains("unit.create", triggers);
        Assert.Contains("unit.update", triggers);
    }

    [Fact]
    public async Task CompanyAdminPage_ShowsTheFieldError_WhenAUnitHasNoName()
    {
        var (admin, companyId) = await ActiveCompanyAsync();

        var refused = await TestClients.PostFormAsync(admin, $"/companies/{companyId}", "AddUnit", new() { ["name"] = "" });

        var html = await TestClients.HtmlAsync(refused, HttpStatusCode.OK);
        Assert.Contains("id=\"unit-error\">Il campo «Nome dell'unità» è obbligatorio.", html);
        Assert.Single((await CompanyAsync(admin, companyId)).GetProperty("units").EnumerateArray());
    }
}
