using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Outbox;
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
}
