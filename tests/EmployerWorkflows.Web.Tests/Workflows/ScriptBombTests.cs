using System.Net;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Workflows;

/// <summary>
/// A published definition whose guard, value or email template would hang or exhaust the node: each step ends as
/// an incident saying what went wrong, and the node goes on serving.
/// </summary>
public sealed class ScriptBombTests : IDisposable
{
    private const string Definition = """
        {
          "id": "script-bombs",
          "title": { "it": "Bombe di prova", "en": "Test bombs" },
          "initial": "Open",
          "variables": { "count": 0 },
          "states": {
            "Open": {
              "title": { "it": "Aperta", "en": "Open" },
              "on": {
                "loop": { "to": "Done", "when": "let i = 0; while (true) { i++; } i > 0" },
                "recurse": { "to": "Done", "when": "function down(n) { return down(n + 1); } down(0) > 0" },
                "allocate": { "to": "Allocating" },
                "output": { "to": "Printing" },
                "email": { "to": "Mailing" }
              }
            },
            "Allocating": {
              "onEntry": [ { "activity": "setVariable", "id": "grow", "name": "grown",
                             "value": "let a = []; while (true) { a.push('x'.repeat(100000)); } a.length" } ],
              "final": true
            },
            "Printing": {
              "onEntry": [ { "activity": "setVariable", "id": "print", "name": "printed", "value": "'x'.repeat(1000000)" } ],
              "final": true
            },
            "Mailing": {
              "onEntry": [ { "activity": "sendEmail", "id": "mail", "template": "bomb-notice", "to": "'bomb@example.it'" } ],
              "final": true
            },
            "Done": { "final": true }
          }
        }
        """;

    // Renders nothing when saved (no count), so it passes the designer's check; with the procedure's count it would
    // print a billion lines.
    private const string Template = "subject: Avviso\n---\n{% for i in (1..count) %}riga {{ i }}\n{% endfor %}";

    // A wall-clock budget far above what the bombs need: on a busy machine the default 250 ms could end a deep
    // recursion or a huge allocation as a time-out first, and each test is about the limit that names its bomb.
    // The endless loop still ends on the statement budget, whose message names the loop as well.
    private readonly AppFactory app = AppFactory.OnSqlite().WithSetting("ScriptLimits:Expressions:TimeoutMs", "30000");

    public void Dispose() => app.Dispose();

    private async Task PublishAsync()
    {
        using var scope = app.Services.CreateScope();
        var assets = scope.ServiceProvider.GetRequiredService<AssetStore>();
        foreach (var language in new[] { "it", "en" })
            await assets.SaveAsync(AssetKey.Template("bomb-notice", language), Template, 0, null);
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        await store.SaveDraftAsync("script-bombs", Definition, null, null);
        await store.PublishAsync("script-bombs", null);
    }

    private async Task<Incident> FireAsync(string trigger)
    {
        await PublishAsync();
        using var scope = app.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var started = await engine.StartAsync(new StartWorkflow("script-bombs", null,
            new JsonObject { ["count"] = 1_000_000_000 }, null, null, WorkflowActor.System));
        var result = await engine.FireAsync(new FireTrigger(started.InstanceId, trigger, WorkflowActor.System));
        Assert.Equal(InstanceStatus.Faulted, result.Status);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Incident>().AsNoTracking().SingleAsync(i => i.InstanceId == started.InstanceId);
    }

    /// <summary>The node still answers: readiness is healthy and an operator's page renders.</summary>
    private async Task AssertNodeHealthyAsync()
    {
        var ready = await TestClients.Anonymous(app).GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var client = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.Operator));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/monitor")).StatusCode);
    }

    [Fact]
    public async Task Guard_EndsAsIncident_WhenItLoopsForever()
    {
        var incident = await FireAsync("loop");

        Assert.Equal("guard", incident.ActivityKind);
        Assert.Contains("look for a loop that never ends", incident.Message);
        Assert.Contains("cerca un ciclo che non finisce", incident.Message);
        await AssertNodeHealthyAsync();
    }

    [Fact]
    public async Task Guard_EndsAsIncident_WhenItRecursesWithoutEnd()
    {
        var incident = await FireAsync("recurse");

        Assert.Contains("recursion without an end", incident.Message);
        Assert.Contains("ricorsione senza fine", incident.Message);
        await AssertNodeHealthyAsync();
    }

    [Fact]
    public async Task Value_EndsAsIncident_WhenItAllocatesWithoutEnd()
    {
        var incident = await FireAsync("allocate");

        Assert.Equal("grow", incident.ActivityId);
        Assert.Contains("allocated more memory than allowed", incident.Message);
        await AssertNodeHealthyAsync();
    }

    [Fact]
    public async Task Value_EndsAsIncident_WhenItsResultIsHuge()
    {
        var incident = await FireAsync("output");

        Assert.Equal("print", incident.ActivityId);
        Assert.Contains("longer than 100000 characters", incident.Message);
        await AssertNodeHealthyAsync();
    }

    [Fact]
    public async Task Template_EndsAsIncident_WhenItLoopsOverAHugeRange()
    {
        var incident = await FireAsync("email");

        Assert.Equal("mail", incident.ActivityId);
        Assert.Contains("more than 10000 items", incident.Message);
        Assert.Contains("oltre 10000 elementi", incident.Message);
        await AssertNodeHealthyAsync();
    }
}
