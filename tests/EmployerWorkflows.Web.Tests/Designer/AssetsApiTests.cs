using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class AssetsApiTests : CompanyScenario
{
    private const string Received = "/api/templates/registration-received/it";

    private Task<HttpClient> Designer() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));

    [Fact]
    public async Task SavedTemplate_IsUsedForTheNextEmail_AndRestoringBringsTheShippedFileBack()
    {
        var designer = await Designer();
        var shipped = await ReadAsync(await designer.GetAsync(Received), HttpStatusCode.OK);
        Assert.Equal(0, shipped.GetProperty("revision").GetInt32());
        Assert.False(shipped.GetProperty("saved").GetBoolean());
        var edited = shipped.GetProperty("source").GetString()!.Replace("Richiesta di registrazione ricevuta:", "Abbiamo ricevuto la richiesta di");

        var saved = await ReadAsync(await designer.PutAsJsonAsync(Received, new { source = edited, revision = 0 }), HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("revision").GetInt32());
        Assert.True(saved.GetProperty("saved").GetBoolean());
        Assert.Equal(shipped.GetProperty("source").GetString(), saved.GetProperty("fileSource").GetString());

        await RegisterAsync(await Submitter());
        var mail = Assert.Single(await MailsAsync(1, "Abbiamo ricevuto la richiesta di"));
        Assert.Equal("Abbiamo ricevuto la richiesta di Officine Esempio Srl", mail.Subject);

        var restored = await ReadAsync(await designer.DeleteAsync(Received + "?revision=1"), HttpStatusCode.OK);
        Assert.Equal(2, restored.GetProperty("revision").GetInt32());
        Assert.False(restored.GetProperty("saved").GetBoolean());
        Assert.Equal(shipped.GetProperty("source").GetString(), restored.GetProperty("source").GetString());
        var history = await ReadAsync(await designer.GetAsync(Received + "/history"), HttpStatusCode.OK);
        Assert.Equal([true, false], history.EnumerateArray().Select(h => h.GetProperty("restoredFile").GetBoolean()));
        Assert.Equal(["asset.save", "asset.restore-file"], await JournalAsync());
    }

    [Fact]
    public async Task TemplateSave_IsRefusedWithTheReason_AndChangesNothing()
    {
        var designer = await Designer();
        var source = (await ReadAsync(await designer.GetAsync(Received), HttpStatusCode.OK)).GetProperty("source").GetString()!;

        var broken = await ReadAsync(await designer.PutAsJsonAsync(Received, new { source = source + "{% if %}", revision = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal("template-invalid", Error(broken).GetProperty("code").GetString());
        var noSubject = await ReadAsync(await designer.PutAsJsonAsync(Received, new { source = "Gentile utente", revision = 0 }), HttpStatusCode.BadRequest);
        Assert.Contains("subject:", Error(noSubject).GetProperty("message").GetString());
        var englishFirst = await ReadAsync(await designer.PutAsJsonAsync("/api/templates/brand-new/en", new { source = "subject: Hi\n---\nBody", revision = 0 }),
            HttpStatusCode.BadRequest);
        Assert.Equal("italian-first", Error(englishFirst).GetProperty("code").GetString());

        await ReadAsync(await designer.PutAsJsonAsync(Received, new { source = source + "\nFirma", revision = 0 }), HttpStatusCode.OK);
        var stale = await ReadAsync(await designer.PutAsJsonAsync(Received, new { source = source + "\nAltra firma", revision = 0 }), HttpStatusCode.Conflict);
        Assert.Equal(1, stale.GetProperty("currentRevision").GetInt32());

        var now = await ReadAsync(await designer.GetAsync(Received), HttpStatusCode.OK);
        Assert.EndsWith("\nFirma", now.GetProperty("source").GetString());
        Assert.Equal(["asset.save"], await JournalAsync());
    }

    [Fact]
    public async Task NewTemplateAndForm_BecomeKnownToTheDefinitionValidator()
    {
        var designer = await Designer();
        var json = (await ReadAsync(await designer.GetAsync("/api/definitions/sample-procedure/versions/1"), HttpStatusCode.OK)).GetProperty("json").GetString()!;
        var edited = json.Replace("\"template\": \"sample-received\"", "\"template\": \"sample-thanks\"")
            .Replace("\"form\": \"company-integration\"", "\"form\": \"sample-integration\"");
        Assert.Equal(["unknown-form", "unknown-template"], (await ValidationCodesAsync(designer, edited)).Order());

        await ReadAsync(await designer.PutAsJsonAsync("/api/templates/sample-thanks/it",
            new { source = "subject: Grazie, {{ company.name }}\n---\nAbbiamo ricevuto la pratica.", revision = 0 }), HttpStatusCode.OK);
        await ReadAsync(await designer.PutAsJsonAsync("/api/templates/sample-thanks/en",
            new { source = "subject: Thank you, {{ company.name }}\n---\nWe received the procedure.", revision = 0 }), HttpStatusCode.OK);

        var integration = (await ReadAsync(await designer.GetAsync("/api/forms/company-integration"), HttpStatusCode.OK)).GetProperty("source").GetString()!;
        await ReadAsync(await designer.PutAsJsonAsync("/api/forms/sample-integration",
            new { source = integration.Replace("\"id\": \"company-integration\"", "\"id\": \"sample-integration\""), revision = 0 }), HttpStatusCode.OK);

        Assert.Empty(await ValidationCodesAsync(designer, edited));
        var names = await ReadAsync(await designer.GetAsync("/api/templates"), HttpStatusCode.OK);
        var row = names.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "sample-thanks");
        Assert.Equal(["saved", "saved"], row.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("status").GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task FormSave_ChangesTheTaskForm_AndIsCheckedLikeTheShippedFiles()
    {
        var designer = await Designer();
        var form = await ReadAsync(await designer.GetAsync("/api/forms/company-review"), HttpStatusCode.OK);
        var source = form.GetProperty("source").GetString()!;
        var firstLabel = JsonDocument.Parse(source).RootElement.GetProperty("fields")[0].GetProperty("label").GetProperty("it").GetString()!;

        var renamed = await ReadAsync(await designer.PutAsJsonAsync("/api/forms/company-review",
            new { source = source.Replace("\"id\": \"company-review\"", "\"id\": \"other-review\""), revision = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal("form-id-mismatch", Error(renamed).GetProperty("code").GetString());
        var badJson = await ReadAsync(await designer.PutAsJsonAsync("/api/forms/company-review", new { source = source[..^3], revision = 0 }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(badJson.GetProperty("errors").EnumerateArray());

        await ReadAsync(await designer.PutAsJsonAsync("/api/forms/company-review",
            new { source = source.Replace(firstLabel, "Esito della verifica documentale"), revision = 0 }), HttpStatusCode.OK);

        var forms = await ReadAsync(await designer.GetAsync("/api/forms"), HttpStatusCode.OK);
        var review = forms.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "company-review");
        Assert.Equal("Esito della verifica documentale", review.GetProperty("fields")[0].GetProperty("label").GetProperty("it").GetString());
    }

    [Fact]
    public async Task VersionAssets_ListTheTemplatesAndFormsTheVersionNames()
    {
        var assets = await ReadAsync(await (await Designer()).GetAsync("/api/definitions/company-registration/versions/1/assets"), HttpStatusCode.OK);

        var received = assets.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "registration-received");
        Assert.All(received.GetProperty("languages").EnumerateArray(), l => Assert.Equal("file", l.GetProperty("status").GetProperty("origin").GetString()));
        Assert.Contains(assets.GetProperty("forms").EnumerateArray(), f => f.GetProperty("id").GetString() == "company-review");
        Assert.DoesNotContain(assets.GetProperty("templates").EnumerateArray(), t => t.GetProperty("name").GetString() == "kae-ffe-request");
    }

    [Fact]
    public async Task Preview_RendersTheTextOnSampleData_MadeFromItsVariablesWhenNoneIsGiven()
    {
        var designer = await Designer();
        var given = await ReadAsync(await designer.PostAsJsonAsync("/api/templates/preview", new
        {
            source = "subject: Registration approved: {{ company.name }}\n---\nDear {{ recipient.name }},\nit is approved.", language = "en",
            model = new { company = new { name = "Esempio Srl" }, recipient = new { name = "Anna" } },
        }), HttpStatusCode.OK);
        Assert.Equal("Registration approved: Esempio Srl", given.GetProperty("subject").GetString());
        Assert.Contains("Dear Anna", given.GetProperty("textBody").GetString());

        var made = await ReadAsync(await designer.PostAsJsonAsync("/api/templates/preview",
            new { source = "subject: {{ company.name }}\n---\nEntro il {{ deadline | date: \"%d/%m/%Y\" }}", language = "it" }), HttpStatusCode.OK);
        Assert.Equal("«company.name»", made.GetProperty("subject").GetString());
        Assert.Contains("Entro il 15/12/2026", made.GetProperty("textBody").GetString());

        await ReadAsync(await designer.PostAsJsonAsync("/api/templates/preview", new { source = "subject: x\n---\n{% if %}", language = "it" }), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.AgencyReviewer)]
    public async Task Assets_AreForbidden_WhenNotProcessDesigner(string role)
    {
        var client = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(Received, new { source = "subject: x\n---\ny", revision = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/forms/company-review", new { source = "{}", revision = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/designer/assets")).StatusCode);
        Assert.Empty(await JournalAsync());
    }

    private static JsonElement Error(JsonElement problem) => problem.GetProperty("errors")[0];

    private static async Task<IReadOnlyList<string>> ValidationCodesAsync(HttpClient designer, string json)
    {
        var check = await ReadAsync(await designer.PostAsync("/api/definitions/validate", new StringContent(json, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        return check.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
    }

    private async Task<IReadOnlyList<string?>> JournalAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<JournalEntry>().AsNoTracking().Where(j => j.Trigger!.StartsWith("asset.")).OrderBy(j => j.Id).Select(j => j.Trigger).ToListAsync();
    }
}
