using System.Net;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using static EmployerWorkflows.Web.Tests.Hosting.TestClients;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class AssetPagesTests : CompanyScenario
{
    private const string Approved = "/designer/assets/templates/registration-approved/it";

    private Task<HttpClient> Designer() => LoggedInAsync(App, DemoUserWithRole(Roles.ProcessDesigner));

    [Fact]
    public async Task AssetsPage_ListsWhatAVersionUses_WithMissingNamesToWrite()
    {
        var designer = await Designer();

        var page = await HtmlAsync(await designer.GetAsync("/designer/assets?definition=company-registration&version=1"), HttpStatusCode.OK);

        Assert.Contains("<tr data-template=\"registration-approved\">", page);
        Assert.Contains("href=\"/designer/assets/templates/registration-approved/en?definition=company-registration&version=1\"", page);
        Assert.Contains("<tr data-form=\"company-review\" data-origin=\"file\">", page);
        Assert.DoesNotContain("data-template=\"kae-ffe-request\"", page);
        Assert.Contains("data-template=\"kae-ffe-request\"", await HtmlAsync(await designer.GetAsync("/designer/assets"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task NewAsset_OpensItsEditor_OnlyForAUsableName()
    {
        var designer = await Designer();

        var refused = await HtmlAsync(await designer.GetAsync("/designer/assets?handler=new&kind=template&name=Nome+Sbagliato"), HttpStatusCode.BadRequest);
        Assert.Contains("id=\"new-template-error\"", refused);
        Assert.Contains("value=\"Nome Sbagliato\"", refused);

        var opened = await designer.GetAsync("/designer/assets?handler=new&kind=form&name=privacy-consent");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/designer/assets/forms/privacy-consent", opened.Headers.Location?.OriginalString);
        var editor = await HtmlAsync(await designer.GetAsync("/designer/assets/forms/privacy-consent"), HttpStatusCode.OK);
        Assert.Contains("data-origin=\"missing\"", editor);
        Assert.Contains("\"id\": \"privacy-consent\"", editor);
    }

    [Fact]
    public async Task TemplateEditor_PreviewsOnSampleData_MadeFromTheVariablesOrGivenByTheDesigner()
    {
        var designer = await Designer();

        var page = await HtmlAsync(await designer.GetAsync(Approved), HttpStatusCode.OK);
        Assert.Contains("<span id=\"preview-subject\">Registrazione approvata: «company.name»</span>", page);

        var source = SourceOf(page);
        var response = await PostFormAsync(designer, Approved, "preview", new()
        {
            ["source"] = source.Replace("è stata approvata", "è approvata"),
            ["revision"] = "0",
            ["sample"] = "{ \"company\": { \"name\": \"Esempio <b>Srl</b>\" }, \"recipient\": { \"name\": \"Anna\" } }",
        });
        // Values are data, never markup: the raw page holds the tag only encoded.
        Assert.DoesNotContain("<b>Srl</b>", await response.Content.ReadAsStringAsync());
        var preview = await HtmlAsync(response, HttpStatusCode.OK);
        Assert.Contains("Registrazione approvata: Esempio <b>Srl</b></span>", preview);
        Assert.Contains("Gentile Anna", preview);
        Assert.Contains("è approvata", preview);

        var badSample = await HtmlAsync(await PostFormAsync(designer, Approved, "preview", new()
            { ["source"] = source, ["revision"] = "0", ["sample"] = "{ company: " }), HttpStatusCode.OK);
        Assert.Contains("id=\"preview-error\"", badSample);
    }

    [Fact]
    public async Task TemplateEditor_KeepsTheText_WhenTheSaveIsRefused_AndShowsWhatAColleagueSaved()
    {
        var designer = await Designer();
        var colleague = await Designer();
        var source = SourceOf(await HtmlAsync(await designer.GetAsync(Approved), HttpStatusCode.OK));

        var broken = await HtmlAsync(await PostFormAsync(designer, Approved, "save", new()
            { ["source"] = source + "{% for %}", ["revision"] = "0", ["sample"] = "" }), HttpStatusCode.BadRequest);
        Assert.Contains("data-code=\"template-invalid\"", broken);
        Assert.Contains("{% for %}</textarea>", broken);

        var saved = await PostFormAsync(colleague, Approved, "save", new() { ["source"] = source + "\nIl collega", ["revision"] = "0", ["sample"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mine = source + "\nLa mia firma";
        var conflict = await HtmlAsync(await PostFormAsync(designer, Approved, "save", new() { ["source"] = mine, ["revision"] = "0", ["sample"] = "" }),
            HttpStatusCode.Conflict);
        Assert.Contains("La mia firma</textarea>", conflict);
        Assert.Contains("Il collega</pre>", conflict);
        Assert.Contains("name=\"revision\" value=\"1\"", conflict);

        var after = await HtmlAsync(await designer.GetAsync(Approved), HttpStatusCode.OK);
        Assert.Contains("Il collega</textarea>", after);
        Assert.Contains("data-origin=\"saved\" data-revision=\"1\"", after);
        Assert.Matches(@"<tr><td>1</td><td>[^<]+</td><td>[^<—]+</td><td>testo salvato</td></tr>", after);
    }

    [Fact]
    public async Task FormEditor_ShowsTheFormAsTasksWill_AndSavesOrRestores()
    {
        var designer = await Designer();
        const string page = "/designer/assets/forms/company-review";
        var html = await HtmlAsync(await designer.GetAsync(page), HttpStatusCode.OK);
        Assert.Contains("<fieldset disabled class=\"email-body\" id=\"preview-form\">", html);
        var source = SourceOf(html);

        var invalid = await HtmlAsync(await PostFormAsync(designer, page, "save", new() { ["source"] = source.Replace("\"type\": \"select\"", "\"type\": \"dropdown\""), ["revision"] = "0" }),
            HttpStatusCode.BadRequest);
        Assert.Contains("id=\"asset-errors\"", invalid);
        Assert.Contains("dropdown", invalid);

        var saved = await PostFormAsync(designer, page, "save", new() { ["source"] = source.Replace("\"it\": \"Motivazione\"", "\"it\": \"Motivazione della decisione\""), ["revision"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edited = await HtmlAsync(await designer.GetAsync(page), HttpStatusCode.OK);
        Assert.Contains("id=\"restore-button\"", edited);
        Assert.Contains("id=\"asset-message\"", edited);

        var restored = await PostFormAsync(designer, page, "restore", new() { ["source"] = source, ["revision"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("data-origin=\"file\" data-revision=\"2\"", await HtmlAsync(await designer.GetAsync(page), HttpStatusCode.OK));
    }

    private static string SourceOf(string html)
    {
        var start = html.IndexOf("name=\"source\"", StringComparison.Ordinal);
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf("</textarea>", start, StringComparison.Ordinal)].Replace("\r\n", "\n");
    }
}
