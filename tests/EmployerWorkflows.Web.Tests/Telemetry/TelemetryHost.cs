using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Telemetry;

/// <summary>A host with a procedure that waits one hour for its deadline, and helpers to read the scrape endpoint.</summary>
public abstract partial class TelemetryHost : IDisposable
{
    public const string Deadline = """
        {
          "id": "telemetry-deadline",
          "title": { "it": "Scadenza di prova", "en": "Test deadline" },
          "initial": "Waiting",
          "states": {
            "Waiting": {
              "title": { "it": "In attesa", "en": "Waiting" },
              "onEntry": [ { "activity": "timer", "after": "PT1H", "fire": "expire" } ],
              "on": { "expire": { "to": "Expired" } }
            },
            "Expired": { "final": true }
          }
        }
        """;

    protected virtual AppFactory CreateApp() => AppFactory.OnSqlite();

    private AppFactory? app;

    protected AppFactory App => app ??= CreateApp();

    /// <summary>The services of the running host; a class that adjusts the host replaces it.</summary>
    protected virtual IServiceProvider Services => App.Services;

    public virtual void Dispose() => app?.Dispose();

    protected Task<HttpClient> OperatorAsync() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.Operator));

    protected async Task PublishAsync(string json)
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        await store.SaveDraftAsync(id, json, null, null);
        await store.PublishAsync(id, null);
    }

    protected async Task<WorkflowResult> StartAsync(string definitionId, JsonObject? variables = null)
    {
        using var scope = Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        return await engine.StartAsync(new StartWorkflow(definitionId, null, variables ?? [], null, null, WorkflowActor.System));
    }

    protected async Task<SweepReport> SweepAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync();
    }

    protected static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Scrape answered {response.StatusCode}: {body}");
        return body;
    }

    /// <summary>
    /// The value of the series named <paramref name="metric"/> whose labels include every one of
    /// <paramref name="labels"/>, or null when there is none.
    /// </summary>
    protected static double? Sample(string scrape, string metric, params (string Name, string Value)[] labels)
    {
        foreach (Match line in SeriesLine().Matches(scrape))
        {
            if (line.Groups["name"].Value != metric)
                continue;
            var found = LabelPair().Matches(line.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(l => found.TryGetValue(l.Name, out var v) && v == l.Value))
                return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[^ \n]+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"")]
    private static partial Regex LabelPair();
}
