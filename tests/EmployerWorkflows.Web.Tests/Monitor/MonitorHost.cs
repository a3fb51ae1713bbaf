using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Monitor;

/// <summary>
/// A host with two small procedures: <c>monitor-review</c> waits for a reviewer; <c>monitor-reject</c> rejects a
/// company on start, so it faults when the company does not exist.
/// </summary>
public abstract partial class MonitorHost : IDisposable
{
    public static readonly string Review = WorkflowFixture.Read("Monitor", "monitor-review.workflow.json");

    private static readonly string Reject = WorkflowFixture.Read("Monitor", "monitor-reject.workflow.json");

    protected AppFactory App { get; } = AppFactory.OnSqlite();

    public void Dispose() => App.Dispose();

    protected Task<HttpClient> Operator() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.Operator));

    protected async Task PublishAsync(string json)
    {
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        var draft = (await store.ListAsync(id)).SingleOrDefault(v => v.Status == DefinitionStatus.Draft);
        await store.SaveDraftAsync(id, json, draft?.Revision, null);
        await store.PublishAsync(id, null);
    }

    protected async Task<WorkflowResult> StartReviewAsync()
    {
        await PublishOnceAsync(Review);
        return await StartAsync("monitor-review", []);
    }

    /// <summary>An instance whose first step fails: the company it should reject does not exist.</summary>
    protected async Task<WorkflowResult> StartFaultedAsync()
    {
        await PublishOnceAsync(Reject);
        var result = await StartAsync("monitor-reject", new JsonObject { ["companyId"] = Guid.NewGuid().ToString() });
        Assert.Equal(InstanceStatus.Faulted, result.Status);
        return result;
    }

    protected async Task<(WorkflowInstance Instance, IReadOnlyList<JournalKind> Journal)> InstanceAsync(Guid id)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == id);
        var journal = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).Select(j => j.Kind).ToListAsync();
        return (instance, journal);
    }

    protected static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        TestClients.PostFormAsync(client, page, handler, fields);

    protected static Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected) => TestClients.HtmlAsync(response, expected);

    protected static async Task<string> PageAsync(HttpClient client, string page) =>
        await HtmlAsync(await client.GetAsync(page), HttpStatusCode.OK);

    /// <summary>Ids of the instances listed in the monitor table.</summary>
    protected static IReadOnlyList<Guid> ListedInstances(string html) =>
        ListedRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    private readonly HashSet<string> published = [];

    private async Task PublishOnceAsync(string json)
    {
        if (published.Add(json)) await PublishAsync(json);
    }

    private async Task<WorkflowResult> StartAsync(string definitionId, JsonObject variables)
    {
        using var scope = App.Services.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        return await engine.StartAsync(new StartWorkflow(definitionId, null, variables, null, null, WorkflowActor.System));
    }

    [GeneratedRegex("<tr data-instance=\"([0-9a-f-]{36})\"")]
    private static partial Regex ListedRow();
}
