using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer.Sandbox;

/// <summary>The sandbox's database: only the runtime's tables, in memory, gone with the session.</summary>
internal sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowRuntimeModel();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSortableDateTimeOffsets();
}

internal sealed class SandboxDbContextFactory(DbContextOptions<SandboxDbContext> options) : IWorkflowDbContextFactory
{
    public DbContext CreateDbContext() => new SandboxDbContext(options);
}

/// <summary>A clock the designer moves by hand, to see timers and reminders fire.</summary>
public sealed class SandboxClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>
/// Stands in for a real domain operation: same name and inputs, so definitions validate and run, but it only
/// records what it would have done. Nothing reaches real companies from a sandbox.
/// </summary>
internal sealed class RecordedOperation(IWorkflowOperation real, ConcurrentQueue<OperationCall> calls) : IWorkflowOperation
{
    public string Name => real.Name;
    public string Description => real.Description;
    public IReadOnlyList<OperationInput> Inputs => real.Inputs;

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        calls.Enqueue(new OperationCall(Name, context.Now, new JsonObject(context.Inputs.Select(i =>
            KeyValuePair.Create(i.Key, i.Value is null ? null : JsonValue.Create(i.Value.ToString()) as JsonNode)))));
        return Task.FromResult<object?>(null);
    }
}

/// <summary>An operation the sandboxed definition would have called.</summary>
public sealed record OperationCall(string Operation, DateTimeOffset At, JsonObject Inputs);

/// <summary>What the designer sees of a sandbox after each step.</summary>
public sealed record SandboxSnapshot(
    Guid SessionId, Guid InstanceId, string State, string Status, DateTimeOffset Now, string Variables, string Diagram,
    IReadOnlyList<SandboxTask> OpenTasks, IReadOnlyList<SandboxTimer> PendingTimers, IReadOnlyList<SandboxEmail> Emails,
    IReadOnlyList<OperationCall> OperationCalls, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<string> Incidents,
    IReadOnlyList<ActionView> PermittedActions);

public sealed record SandboxTask(string Title, string? Role, string? Assignee, IReadOnlyList<string> Actions, DateTimeOffset? DueAt);

public sealed record SandboxTimer(string Kind, string? Trigger, string? Template, DateTimeOffset DueAt);

public sealed record SandboxEmail(string To, string Subject, string Body, DateTimeOffset QueuedAt);
