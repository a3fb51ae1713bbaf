using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class DesignerApiTests : CompanyScenario
{
    private static readonly string Demo = WorkflowFixture.Read("Designer", "designer-demo.workflow.json");

    private Task<HttpClient> Designer() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));
    private Task<HttpClient> Operator() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.Operator));

    [Fact]
    public async Task Registration_IsRefusedClearly_AndSavesNothing_WhenTheOnlyPublishedVersionIsRetired()
    {
        var designer = await Designer();
        var editor = await TestClients.HtmlAsync(await designer.GetAsync("/designer/company-registration"), HttpStatusCode.OK);
        Assert.Contains("data-retire=\"1\" data-last-published=\"true\"", editor);
        Assert.DoesNotContain("id=\"no-published-version\"", editor);

        await ReadAsync(await designer.PostAsync("/api/definitions/company-registration/versions/1/retire", null), HttpStatusCode.NoContent);
        var refused = await ReadAsync(await (await Submitter()).PostAsJsonAsync("/api/company-registrations",
            new { company = Input(), firstUnitName = "Sede di Bologna" }), HttpStatusCode.Conflict);

        Assert.Equal("Questa procedura al momento non accetta nuove richieste.", refused.GetProperty("title").GetString());
        var wizard = await TestClients.HtmlAsync(await TestClients.PostFormAsync(await Submitter(), "/procedures/register", "", new()
        {
            ["step"] = "3", ["codiceFiscale"] = "12345670371", ["name"] = "Officine Esempio Srl", ["types[0].type"] = "private-employer",
            ["registeredOffice.street"] = "Via dell'Indipendenza 1", ["registeredOffice.postalCode"] = "40121",
            ["registeredOffice.municipality"] = "Bologna", ["registeredOffice.province"] = "BO", ["email"] = "info@officine-esempio.it",
            ["legalRepresentative.firstName"] = "Lucia", ["legalRepresentative.lastName"] = "Legale",
            ["legalRepresentative.codiceFiscale"] = LegalRepresentative, ["firstUnitName"] = "Sede di Bologna",
        }), HttpStatusCode.OK);
        Assert.Contains("id=\"registration-refused\"", wizard);
        Assert.Contains("Non è stato salvato nulla.", wizard);
        Assert.Contains("Officine Esempio Srl", wizard);
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            Assert.False(await db.Set<Web.Features.Companies.Company>().AnyAsync());
        }
        var after = await TestClients.HtmlAsync(await designer.GetAsync("/designer/company-registration"), HttpStatusCode.OK);
        Assert.Contains("id=\"no-published-version\"", after);
    }

    [Fact]
    public async Task Validate_AnswersInTheReadersLanguage()
    {
        var designer = await Designer();
        var typo = Demo.Replace("\"to\": \"Closed\"", "\"to\": \"Closd\"");

        async Task<string> MessageAsync(string url)
        {
            var check = await ReadAsync(await designer.PostAsync(url, new StringContent(typo, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
            return check.GetProperty("errors").EnumerateArray()
                .Single(e => e.GetProperty("code").GetString() == "unknown-target-state").GetProperty("message").GetString()!;
        }

        Assert.Contains("Lo stato di arrivo \"Closd\" non è definito", await MessageAsync("/api/definitions/validate"));
        Assert.Contains("The target state \"Closd\" is not defined", await MessageAsync("/api/definitions/validate?culture=en-GB&ui-culture=en-GB"));
    }

    [Fact]
    public async Task Designer_PublishesNewVersion_WhileRunningInstancesKeepTheirs()
    {
        var designer = await Designer();
        var draft = await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = Demo }), HttpStatusCode.OK);
        await ReadAsync(await designer.PostAsync("/api/definitions/designer-demo/publish", null), HttpStatusCode.OK);
        var old = await StartAsync("designer-demo");

        var withReminder = Demo.Replace("\"actions\": [\"close\"] }", "\"actions\": [\"close\"] }, { \"activity\": \"reminder\", \"every\": \"P1D\", \"template\": \"integration-reminder\", \"to\": \"vars.someone\", \"times\": 1 }");
        var typo = withReminder.Replace("\"to\": \"Closed\"", "\"to\": \"Closd\"");
        var check = await ReadAsync(await designer.PostAsync("/api/definitions/validate", new StringContent(typo, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var error = check.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "unknown-target-state");
        Assert.Equal("$.states.Open.on.close.to", error.GetProperty("path").GetString());
        var saved = await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = typo }), HttpStatusCode.OK);
        var refused = await ReadAsync(await designer.PostAsync("/api/definitions/designer-demo/publish", null), HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.GetProperty("errors").EnumerateArray());
        await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft",
            new { json = withReminder, expectedRevision = saved.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);
        var diff = await ReadAsync(await designer.GetAsync("/api/definitions/designer-demo/diff"), HttpStatusCode.OK);
        Assert.Contains(diff.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "+" && l.GetProperty("text").GetString()!.Contains("reminder"));
        var published = await ReadAsync(await designer.PostAsync("/api/definitions/designer-demo/publish", null), HttpStatusCode.OK);

        var fresh = await StartAsync("designer-demo");
        var oldVersion = await DefinitionVersionOf(old.InstanceId);
        var freshVersion = await DefinitionVersionOf(fresh.InstanceId);
        Assert.Equal(published.GetProperty("version").GetInt32(), freshVersion);
        var list = await ReadAsync(await designer.GetAsync("/api/definitions"), HttpStatusCode.OK);
        var versions = list.EnumerateArray().Single(d => d.GetProperty("definitionId").GetString() == "designer-demo").GetProperty("versions");
        Assert.Equal(1, versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == oldVersion).GetProperty("runningInstances").GetInt32());
        Assert.Equal(1, versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == freshVersion).GetProperty("runningInstances").GetInt32());
        Assert.Equal(1, oldVersion);
        Assert.Equal(2, freshVersion);
        Assert.Equal(1, draft.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task ReservedId_IsRefusedOnSaveAndImport_AndNothingIsSaved()
    {
        var designer = await Designer();
        var assets = Demo.Replace("\"designer-demo\"", "\"assets\"");
        var saved = await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/assets/draft", new { json = assets }), HttpStatusCode.BadRequest);
        Assert.Contains("riservato", saved.GetProperty("errors").GetProperty("id")[0].GetString());
        using var file = new MultipartFormDataContent { { new StringContent(assets, Encoding.UTF8, "application/json"), "file", "assets.workflow.json" } };
        var imported = await ReadAsync(await designer.PostAsync("/api/definitions/import", file), HttpStatusCode.BadRequest);
        Assert.Contains("riservato", imported.GetProperty("errors").GetProperty("id")[0].GetString());
        var list = await ReadAsync(await designer.GetAsync("/api/definitions"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), d => d.GetProperty("definitionId").GetString() == "assets");
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("definitionId").GetString() == "company-registration");
    }

    [Fact]
    public async Task Draft_SecondConcurrentSave_IsRefusedNotLost()
    {
        var designer = await Designer();
        var first = await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = Demo }), HttpStatusCode.OK);
        var revision = first.GetProperty("revision").GetInt32();
        await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = Demo.Replace("Prova", "Prova A"), expectedRevision = revision }), HttpStatusCode.OK);
        var second = await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = Demo.Replace("Prova", "Prova B"), expectedRevision = revision }), HttpStatusCode.Conflict);
        Assert.Contains("nel frattempo", second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Operator_RetriesAFaultedInstance_OnceTheCauseIsFixed_AndCancelsAnother()
    {
        var designer = await Designer();
        var faulty = Demo.Replace("\"Closed\": { \"final\": true }", "\"Closed\": { \"final\": true, \"onEntry\": [ { \"activity\": \"invoke\", \"id\": \"reject\", \"operation\": \"company.reject\", \"inputs\": { \"companyId\": \"vars.companyId\", \"reason\": \"'test'\" } } ] }");
        await ReadAsync(await designer.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = faulty }), HttpStatusCode.OK);
        await ReadAsync(await designer.PostAsync("/api/definitions/designer-demo/publish", null), HttpStatusCode.OK);
        var missingCompany = Guid.NewGuid();
        var first = await StartAsync("designer-demo", new JsonObject { ["companyId"] = missingCompany.ToString() });
        var second = await StartAsync("designer-demo", new JsonObject { ["companyId"] = Guid.NewGuid().ToString() });
        var reviewer = await Reviewer();
        foreach (var instance in new[] { first, second })
        {
            var tasks = await ReadAsync(await reviewer.GetAsync("/api/tasks?limit=200"), HttpStatusCode.OK);
            var task = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("instanceId").GetGuid() == instance.InstanceId);
            var detail = await ReadAsync(await reviewer.GetAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
            Assert.Equal("Faulted", (await ReadAsync(await CompleteAsync(reviewer, detail, "close"), HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        var op = await Operator();
        var listed = await ReadAsync(await op.GetAsync("/api/instances?faulted=true"), HttpStatusCode.OK);
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
        var view = await ReadAsync(await op.GetAsync($"/api/instances/{first.InstanceId}"), HttpStatusCode.OK);
        var incident = view.GetProperty("incidents")[0];
        Assert.Equal("reject", incident.GetProperty("activityId").GetString());
        Assert.Contains("class Open current", view.GetProperty("diagram").GetString());

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmployerWorkflows.Web.Data.AppDbContext>();
            db.Add(new EmployerWorkflows.Web.Features.Companies.Company { Id = missingCompany, CodiceFiscale = "07123450012", Name = "Ritrovata Srl" });
            await db.SaveChangesAsync();
        }
        var retried = await ReadAsync(await op.PostAsync($"/api/incidents/{incident.GetProperty("id").GetGuid()}/retry", null), HttpStatusCode.OK);
        Assert.Equal("Completed", retried.GetProperty("status").GetString());
        Assert.Equal("Closed", retried.GetProperty("state").GetString());

        var cancelled = await ReadAsync(await op.PostAsJsonAsync($"/api/instances/{second.InstanceId}/cancel", new { reason = "Avviata per errore" }), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        var journal = await ReadAsync(await op.GetAsync($"/api/instances/{second.InstanceId}"), HttpStatusCode.OK);
        Assert.Contains(journal.GetProperty("journal").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Cancel");
    }

    [Fact]
    public async Task DesignerAndMonitor_AreClosedToOtherRoles()
    {
        var reviewer = await Reviewer();
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/instances")).StatusCode);
        var op = await Operator();
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PutAsJsonAsync("/api/definitions/designer-demo/draft", new { json = Demo })).StatusCode);
        var designer = await Designer();
        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync("/api/instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestClients.Anonymous(App).GetAsync("/api/definitions")).StatusCode);
    }

    private async Task<int> DefinitionVersionOf(Guid instanceId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployerWorkflows.Web.Data.AppDbContext>();
        return (await db.Set<EmployerWorkflows.Runtime.Persistence.WorkflowInstance>().FindAsync(instanceId))!.DefinitionVersion;
    }

    private async Task<WorkflowResult> StartAsync(string definitionId, JsonObject? variables = null)
    {
        using var scope = App.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        return await engine.StartAsync(new StartWorkflow(definitionId, null, variables ?? [], null, null, WorkflowActor.System));
    }
}
