using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class DesignerPagesTests : CompanyScenario
{
    private Task<HttpClient> Designer() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.AgencyReviewer)]
    public async Task DesignerPages_AreForbidden_WhenNotProcessDesigner(string role)
    {
        var client = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/designer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/designer/company-registration")).StatusCode);
    }

    [Fact]
    public async Task DefinitionsPage_ListsEveryDefinitionWithRunningInstancesPerVersion()
    {
        await RegisterAsync(await Submitter());

        var page = await (await Designer()).GetStringAsync("/designer");

        Assert.Contains("data-definition=\"company-registration\" data-version=\"1\" data-status=\"Published\"", page);
        Assert.Contains("data-running=\"1\"", page);
        Assert.Contains("data-definition=\"sample-procedure\"", page);
    }

    [Fact]
    public async Task EditorPage_OpensTheDraft_WhenOneExists()
    {
        var designer = await Designer();
        var json = await (await designer.GetAsync("/api/definitions/sample-procedure/versions/1")).Content.ReadFromJsonAsync<VersionJson>();
        var edited = json!.Json.Replace("\"Inviata\"", "\"Inviata in bozza\"");
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync("/api/definitions/sample-procedure/draft", new { json = edited })).StatusCode);

        var page = await designer.GetStringAsync("/designer/sample-procedure");

        Assert.Contains("Inviata in bozza", page);
        Assert.Contains("\"draftRevision\":1", page);
        Assert.Contains("data-status=\"Draft\"", page);
    }

    [Fact]
    public async Task EditorPage_IsNotFound_WhenTheDefinitionDoesNotExist() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await Designer()).GetAsync("/designer/no-such-procedure")).StatusCode);

    [Fact]
    public async Task Publish_IsRefusedWithAMessage_WhenThereIsNoDraft()
    {
        var refused = await ReadAsync(await (await Designer()).PostAsync("/api/definitions/sample-procedure/publish", null), HttpStatusCode.NotFound);

        Assert.Contains("bozza", refused.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("", "Superata", "Pubblicata")]
    [InlineData("?culture=en-GB&ui-culture=en-GB", "Superseded", "Published")]
    public async Task EditorPage_ShowsOlderVersionAsSuperseded_WhenANewerOneIsPublished(string culture, string superseded, string published)
    {
        var designer = await Designer();
        var json = await (await designer.GetAsync("/api/definitions/sample-procedure/versions/1")).Content.ReadFromJsonAsync<VersionJson>();
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync("/api/definitions/sample-procedure/draft",
            new { json = json!.Json.Replace("\"Inviata\"", "\"Inviata (v2)\"") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await designer.PostAsync("/api/definitions/sample-procedure/publish", null)).StatusCode);

        var page = await designer.GetStringAsync("/designer/sample-procedure" + culture);

        Assert.Matches($"data-version=\"1\" data-status=\"Published\">(?:(?!</tr>).)*data-shown-status=\"Superseded\">{superseded}<", Flat(page));
        Assert.Matches($"data-version=\"2\" data-status=\"Published\">(?:(?!</tr>).)*data-shown-status=\"Published\">{published}<", Flat(page));
    }

    private static string Flat(string html) => html.ReplaceLineEndings(" ");

    [Fact]
    public async Task Schema_IsServedToTheEditor()
    {
        var schema = await ReadAsync(await (await Designer()).GetAsync("/api/definitions/schema"), HttpStatusCode.OK);

        Assert.True(schema.GetProperty("$defs").TryGetProperty("reminder", out _));
    }

    private sealed record VersionJson(string Json);
}
