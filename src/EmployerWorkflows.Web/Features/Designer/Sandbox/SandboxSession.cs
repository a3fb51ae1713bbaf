using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer.Sandbox;

/// <summary>
/// One "try it" run of a draft: its own runtime on an in-memory database, a hand-moved clock, operations that
/// only record, and an outbox nobody delivers. Emails are shown, never sent.
/// </summary>
public sealed class SandboxSession : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly ServiceProvider services;
    private readonly ConcurrentQueue<OperationCall> calls = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SandboxRefusals refusals = new();
    // The designer who started the run plays every role; the actions offered are the ones they could take.
    private WorkflowActor tester = WorkflowActor.System;

    public SandboxSession(string workflowsRoot, IEnumerable<string> roles, IEnumerable<IWorkflowOperation> realOperations, DateTimeOffset start)
    {
        Clock = new SandboxClock(start);
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<SandboxDbContext>().UseSqlite(connection).AddWorkflowRuntimeInterceptors().Options;
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IWorkflowDbContextFactory>(new SandboxDbContextFactory(options));
        // The host's domain operations are only recorded; the runtime's own (such as receipt.issue) touch nothing
        // outside the sandbox's database, so AddWorkflowRuntime registers and runs them as usual.
        foreach (var operation in realOperations.Where(o => o.GetType().Assembly != typeof(IWorkflowOperation).Assembly))
            collection.AddSingleton<IWorkflowOperation>(new RecordedOperation(operation, calls, refusals));
        collection.AddWorkflowDefinitions(workflowsRoot, o => { foreach (var role in roles) o.Roles.Add(role); });
        // The same input contract as the application: the domain types of fields are checked as on any other path.
        collection.AddSingleton<IFieldValueCheck, Procedures.Forms.FormFieldCheck>();
        collection.AddWorkflowRuntime(o => o.NodeId = "sandbox");
        services = collection.BuildServiceProvider();
        using var db = new SandboxDbContext(options);
        db.Database.EnsureCreated();
    }

    public Guid Id { get; } = Guid.NewGuid();
    public SandboxClock Clock { get; }
    public Guid InstanceId { get; private set; }
    public DateTime LastUsed { get; private set; } = DateTime.UtcNow;
    public string DefinitionId { get; private set; } = "";

    public Task<SandboxSnapshot> StartAsync(string json, JsonObject? variables, WorkflowActor actor, CancellationToken ct) => Locked(async sp =>
    {
        tester = actor;
        var store = sp.GetRequiredService<DefinitionStore>();
        var draft = await store.SaveDraftAsync(DefinitionIdOf(sp, json), json, null, actor.UserId, ct);
        DefinitionId = draft.DefinitionId;
        await store.PublishAsync(DefinitionId, actor.UserId, ct);
        var result = await sp.GetRequiredService<IWorkflowEngine>().StartAsync(new StartWorkflow(DefinitionId, null, variables, "sandbox", null, actor), ct);
        InstanceId = result.InstanceId;
    }, ct);

    /// <summary>Fires a trigger; the operations named in <paramref name="refuse"/> refuse the step as asked.</summary>
    public Task<SandboxSnapshot> FireAsync(string trigger, JsonObject? payload, WorkflowActor actor,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>> refuse, CancellationToken ct) => Locked(sp =>
        refusals.DuringAsync(refuse, () => sp.GetRequiredService<IWorkflowEngine>().FireAsync(new FireTrigger(InstanceId, trigger, actor, payload), ct)), ct);

    /// <summary>
    /// Walks the clock from one due time to the next, as the recurring sweep would have met them: a reminder every
    /// three days goes out three times in ten days, each at its own time, before a ten-day deadline fires.
    /// </summary>
    public Task<SandboxSnapshot> AdvanceAsync(TimeSpan by, CancellationToken ct) => Locked(async sp =>
    {
        var until = Clock.GetUtcNow() + by;
        var sweep = sp.GetRequiredService<TimerSweep>();
        for (var step = 0; step < MaxSweepsPerAdvance && await NextDueAsync(sp, until, ct) is { } due; step++)
        {
            Clock.Advance(due - Clock.GetUtcNow());
            await sweep.RunAsync(ct);
        }
        Clock.Advance(until - Clock.GetUtcNow());
        await sweep.RunAsync(ct);
    }, ct);

    private const int MaxSweepsPerAdvance = 1000;

    private async Task<DateTimeOffset?> NextDueAsync(IServiceProvider sp, DateTimeOffset until, CancellationToken ct)
    {
        return await sp.GetRequiredService<InstanceMonitor>().NextDueAsync(Clock.GetUtcNow(), until, ct);
    }

    public Task<SandboxSnapshot> SnapshotAsync(CancellationToken ct) => Locked(_ => Task.CompletedTask, ct);

    private async Task<SandboxSnapshot> Locked(Func<IServiceProvider, Task> step, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            LastUsed = DateTime.UtcNow;
            await using var scope = services.CreateAsyncScope();
            await step(scope.ServiceProvider);
            return await ReadAsync(scope.ServiceProvider, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string DefinitionIdOf(IServiceProvider sp, string json) =>
        sp.GetRequiredService<IDefinitionValidator>().Validate(json).Definition?.Id
        ?? throw new ArgumentException("The definition does not parse.");

    private async Task<SandboxSnapshot> ReadAsync(IServiceProvider sp, CancellationToken ct)
    {
        var found = await sp.GetRequiredService<InstanceMonitor>().AttachmentsAsync(InstanceId, openIncidentsOnly: true, ct)
            ?? throw new InvalidOperationException("The sandbox's instance is gone.");
        var instance = found.Instance;
        var workflow = await sp.GetRequiredService<DefinitionStore>().GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var journal = (await sp.GetRequiredService<JournalQueries>().ForInstanceAsync(InstanceId, null, 200, ct)).Entries;
        var permitted = await sp.GetRequiredService<IWorkflowEngine>().GetPermittedActionsAsync(InstanceId, tester, ct);
        return new SandboxSnapshot(Id, InstanceId, instance.State, instance.Status.ToString(), Clock.GetUtcNow(), instance.Variables,
            MermaidDiagram.For(workflow.Definition, instance.State, Lang.Code),
            found.OpenTasks.Select(t => new SandboxTask(t.TitleIt, t.Role, t.AssigneeUserId, t.ActionList, t.DueAt)).ToList(),
            found.PendingTimers.Select(t => new SandboxTimer(t.Kind.ToString(), t.Trigger ?? t.Escalate, t.Template, t.DueAt)).ToList(),
            found.Emails.Select(m => new SandboxEmail(m.To, m.Subject, m.TextBody, m.CreatedAt)).ToList(),
            calls.ToList(), journal, found.Incidents.Select(i => $"{i.ActivityId ?? i.ActivityKind}: {Monitor.IncidentText.For(i.Message)}").ToList(),
            permitted.Select(ActionView.From).ToList());
    }

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
        gate.Dispose();
    }
}
