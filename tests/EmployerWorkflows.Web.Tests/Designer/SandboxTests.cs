using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Designer;

public sealed class SandboxTests : CompanyScenario
{
    [Fact]
    public async Task Sandbox_RunsADraftWithAFakeClock_AndNothingLeavesIt()
    {
        var designer = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));
        var json = await File.ReadAllTextAsync(Path.Combine(ShippedWorkflows.Folder, "company-registration.workflow.json"));
        var variables = new JsonObject
        {
            ["companyId"] = Guid.NewGuid().ToString(),
            ["company"] = new JsonObject { ["name"] = "Sabbia Srl" },
            ["submitter"] = new JsonObject { ["userId"] = "u1", ["email"] = "prova@example.org", ["name"] = "Prova" },
        };
        var started = await ReadAsync(await designer.PostAsJsonAsync("/api/sandbox", new { json, variables }), HttpStatusCode.OK);
        var session = started.GetProperty("sessionId").GetGuid();
        Assert.Equal("UnderReview", started.GetProperty("state").GetString());
        Assert.Single(started.GetProperty("emails").EnumerateArray());

        await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/fire",
            new { trigger = "requestIntegration", payload = new { reason = "Manca la visura." } }), HttpStatusCode.OK);
        var fiveDays = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/advance", new { duration = "P5DT1M" }), HttpStatusCode.OK);
        Assert.Contains(fiveDays.GetProperty("emails").EnumerateArray(), e => e.GetProperty("subject").GetString()!.StartsWith("Promemoria"));
        var expired = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/advance", new { duration = "P11D" }), HttpStatusCode.OK);
        Assert.Equal("Expired", expired.GetProperty("state").GetString());
        Assert.Contains(expired.GetProperty("operationCalls").EnumerateArray(), c => c.GetProperty("operation").GetString() == "company.reject");
        Assert.Contains("class Expired current", expired.GetProperty("diagram").GetString());
        await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/advance", new { duration = "two days" }), HttpStatusCode.BadRequest);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(0, await db.Set<EmployerWorkflows.Web.Features.Companies.Company>().CountAsync());
        Assert.Empty(Mailbox.Messages());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Reviewer()).GetAsync($"/api/sandbox/{session}")).StatusCode);
    }

    [Theory]
    [InlineData("", "companyMessage: Errore JavaScript: ")]
    [InlineData("?culture=en-GB&ui-culture=en-GB", "companyMessage: JavaScript error: ")]
    public async Task Sandbox_ShowsAScriptFailureInTheReadersLanguage(string culture, string expected)
    {
        var designer = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));
        var json = (await File.ReadAllTextAsync(Path.Combine(ShippedWorkflows.Folder, "company-registration.workflow.json")))
            .Replace("payload && payload.message ? payload.message : null", "payload.message.length");
        var variables = new JsonObject
        {
            ["companyId"] = Guid.NewGuid().ToString(), ["company"] = new JsonObject { ["name"] = "Sabbia Srl" },
            ["submitter"] = new JsonObject { ["userId"] = "u1", ["email"] = "prova@example.org", ["name"] = "Prova" },
        };

        var started = await ReadAsync(await designer.PostAsJsonAsync("/api/sandbox" + culture, new { json, variables }), HttpStatusCode.OK);

        Assert.StartsWith(expected, started.GetProperty("incidents")[0].GetString());
    }

    [Fact]
    public async Task Sandbox_RefusesTheStepAsTheOperationWould_WhenTheDesignerAsksForARefusal()
    {
        var designer = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));
        var json = WorkflowFixture.Read("Designer", "sandbox-email-change.workflow.json");
        var started = await ReadAsync(await designer.PostAsJsonAsync("/api/sandbox", new { json }), HttpStatusCode.OK);
        var session = started.GetProperty("sessionId").GetGuid();
        var payload = new { oldEmail = "vecchio@example.ch", newEmail = "nuovo@example.ch" };

        var refused = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/fire", new
        {
            trigger = "change", payload,
            refusals = new Dictionary<string, object> { ["jobroom.checkEmailChange"] = new { newEmail = "Stesso indirizzo di prima." } },
        }), HttpStatusCode.BadRequest);
        var unchanged = await ReadAsync(await designer.GetAsync($"/api/sandbox/{session}"), HttpStatusCode.OK);
        var badShape = await designer.PostAsJsonAsync($"/api/sandbox/{session}/fire", new { trigger = "change", payload, refusals = new { x = 1 } });
        var fired = await ReadAsync(await designer.PostAsJsonAsync($"/api/sandbox/{session}/fire", new { trigger = "change", payload }), HttpStatusCode.OK);

        Assert.Equal("Stesso indirizzo di prima.", refused.GetProperty("errors").GetProperty("newEmail")[0].GetString());
        Assert.Equal(("Asked", 0), (unchanged.GetProperty("state").GetString(), unchanged.GetProperty("operationCalls").GetArrayLength()));
        Assert.True((await ReadAsync(badShape, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("refusals", out _));
        Assert.Equal("Changed", fired.GetProperty("state").GetString());
        Assert.Contains(fired.GetProperty("operationCalls").EnumerateArray(), c => c.GetProperty("operation").GetString() == "jobroom.checkEmailChange");
    }
}
