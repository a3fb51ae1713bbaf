using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class TryPageTests : IDisposable
{
    private const string Sample = "sample-procedure";
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    private Task<HttpClient> Designer() => TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.ProcessDesigner));

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.AgencyReviewer)]
    public async Task TryPage_IsForbidden_WhenUserIsNotProcessDesigner(string role)
    {
        var client = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(role));
        var response = await client.GetAsync($"/designer/{Sample}/try");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("sandbox-start", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TryPage_RedirectsToLogin_WhenAnonymous()
    {
        var response = await TestClients.Anonymous(app).GetAsync($"/designer/{Sample}/try");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TryPage_LoadsTheDraft_WhenTheDefinitionHasOne()
    {
        var designer = await Designer();
        var draftJson = (await PublishedJsonAsync()).Replace("Procedura di esempio", "Procedura di esempio in bozza");
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/definitions/{Sample}/draft", new { json = draftJson })).StatusCode);

        var page = await designer.GetAsync($"/designer/{Sample}/try");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(draftJson, WebUtility.HtmlDecode(html));
        Assert.Contains($"data-definition-id=\"{Sample}\"", html);
        Assert.Contains("data-version=\"0\"", html);
        Assert.Contains($"href=\"/designer/{Sample}\"", html);
        Assert.DoesNotContain("disabled=\"disabled\"", html);
    }

    [Fact]
    public async Task TryPage_LoadsThePublishedVersion_WhenThereIsNoDraftOrAVersionIsAsked()
    {
        var designer = await Designer();
        var published = await PublishedJsonAsync();
        var html = await designer.GetStringAsync($"/designer/{Sample}/try");
        Assert.Contains(published, WebUtility.HtmlDecode(html));
        Assert.Contains("data-version=\"1\"", html);

        await designer.PutAsJsonAsync($"/api/definitions/{Sample}/draft", new { json = published.Replace("P10D", "P12D") });
        var asked = WebUtility.HtmlDecode(await designer.GetStringAsync($"/designer/{Sample}/try?version=1"));
        Assert.Contains(published, asked);
        Assert.DoesNotContain("P12D", asked);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync($"/designer/{Sample}/try?version=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync("/designer/no-such-definition/try")).StatusCode);
    }

    [Fact]
    public async Task TryPage_ListsErrorsAndDisablesStart_WhenTheDraftIsInvalid()
    {
        var designer = await Designer();
        var broken = (await PublishedJsonAsync()).Replace("\"to\": \"Expired\"", "\"to\": \"Expird\"");
        await designer.PutAsJsonAsync($"/api/definitions/{Sample}/draft", new { json = broken });

        var html = await designer.GetStringAsync($"/designer/{Sample}/try");

        Assert.Contains("class=\"definition-errors", html);
        Assert.Contains("$.states.AwaitingIntegration.on.expire.to", html);
        Assert.Contains("id=\"sandbox-start\" type=\"button\" class=\"btn btn-primary\" disabled=\"disabled\"", html);
    }

    [Fact]
    public async Task SandboxRun_LeavesTheRealOutboxUntouched_WhenItSendsEmailsAndReminders()
    {
        var designer = await Designer();
        var before = await OutboxCountAsync();

        var (session, _) = await StartAndRequestIntegrationAsync(designer);
        var reminded = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/advance", new { duration = "P3DT1M" }));

        Assert.Equal("AwaitingIntegration", reminded.GetProperty("state").GetString());
        Assert.Equal(2, reminded.GetProperty("emails").GetArrayLength());
        Assert.All(reminded.GetProperty("emails").EnumerateArray(), e => Assert.Equal("anna@example.org", e.GetProperty("to").GetString()));
        Assert.Equal(before, await OutboxCountAsync());
    }

    [Fact]
    public async Task SandboxSnapshot_OffersTheActionsOfTheState_WithTheFieldsTheyRequire()
    {
        var (_, started) = await StartAndRequestIntegrationAsync(await Designer());

        var offered = started.GetProperty("permittedActions").EnumerateArray().ToDictionary(
            a => a.GetProperty("trigger").GetString()!, a => a.GetProperty("requires").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.Equal(["approve", "reject", "requestIntegration"], offered.Keys.Order());
        Assert.Equal(["reason"], offered["requestIntegration"]);
        Assert.Empty(offered["approve"]);
    }

    [Fact]
    public async Task SandboxAdvance_SendsEachReminderAtItsOwnTime_WhenTimeJumpsPastSeveral()
    {
        var designer = await Designer();
        var (session, started) = await StartAndRequestIntegrationAsync(designer);

        var expired = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/advance", new { duration = "P10DT1M" }));

        Assert.Equal("Expired", expired.GetProperty("state").GetString());
        Assert.Equal(TimeSpan.FromMinutes(14_401), expired.GetProperty("now").GetDateTimeOffset() - started.GetProperty("now").GetDateTimeOffset());
        var queued = expired.GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("queuedAt").GetDateTimeOffset()).ToList();
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromDays(6), TimeSpan.FromDays(10)], queued.Skip(1).Select(at => at - queued[0]));
    }

    /// <summary>Starts the sample procedure in a sandbox and asks for more information, which sets its reminders and deadline.</summary>
    private async Task<(Guid Session, JsonElement Started)> StartAndRequestIntegrationAsync(HttpClient designer)
    {
        var variables = new JsonObject
        {
            ["companyId"] = Guid.NewGuid().ToString(),
            ["applicant"] = new JsonObject { ["userId"] = "u1", ["email"] = "anna@example.org", ["name"] = "Anna Prova" },
        };
        var started = await ReadAsync(await designer.PostAsJsonAsync("/api/sandbox", new { json = await PublishedJsonAsync(), variables }));
        var session = started.GetProperty("sessionId").GetGuid();
        var asked = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/fire",
            new { trigger = "requestIntegration", payload = new { reason = "Manca un documento." } }));
        Assert.Equal("AwaitingIntegration", asked.GetProperty("state").GetString());
        return (session, started);
    }

    private async Task<int> OutboxCountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync();
    }

    private async Task<string> PublishedJsonAsync()
    {
        var designer = await Designer();
        var version = await ReadAsync(await designer.GetAsync($"/api/definitions/{Sample}/versions/1"));
        return version.GetProperty("json").GetString()!;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected OK, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
