using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
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
/// A host operation in the sandbox: recorded, never run, since it would touch the application's data. The designer
/// may ask for a refusal (<see cref="SandboxRefusals"/>), which fails the step exactly as the real operation's
/// <see cref="StepRefusedException"/> would: the same 400 with field errors, the step rolled back.
/// </summary>
internal sealed class RecordedOperation(IWorkflowOperation real, ConcurrentQueue<OperationCall> calls, SandboxRefusals refusals) : IWorkflowOperation
{
    public string Name => real.Name;
    public string Description => real.Description;
    public IReadOnlyList<OperationInput> Inputs => real.Inputs;

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        if (refusals.For(Name) is { } errors)
            throw new StepRefusedException(errors);
        calls.Enqueue(new OperationCall(Name, context.Now, new JsonObject(context.Inputs.Select(i =>
            KeyValuePair.Create(i.Key, i.Value is null ? null : JsonValue.Create(i.Value.ToString()) as JsonNode)))));
        return Task.FromResult<object?>(null);
    }
}

/// <summary>The refusals the designer asked for on the step being fired: operation name → field → message.</summary>
internal sealed class SandboxRefusals
{
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>> current =
        new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>();

    public IReadOnlyDictionary<string, LocalizedText>? For(string operation) => current.GetValueOrDefault(operation);

    /// <summary>Holds <paramref name="refusals"/> while <paramref name="step"/> runs.</summary>
    public async Task DuringAsync(IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>> refusals, Func<Task> step)
    {
        current = refusals;
        try
        {
            await step();
        }
        finally
        {
            current = new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>();
        }
    }

    /// <summary>
    /// Reads <c>{"operation": {"field": "message"}}</c>; null when the shape is wrong. A message is shown as written,
    /// in both languages.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>>? Parse(JsonObject? json)
    {
        var parsed = new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>(StringComparer.Ordinal);
        foreach (var (operation, fields) in json ?? [])
        {
            if (fields is not JsonObject fieldMessages || fieldMessages.Count == 0)
                return null;
            var errors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
            foreach (var (field, message) in fieldMessages)
            {
                if (message is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
                    return null;
                errors[field] = new LocalizedText(text.Trim(), text.Trim());
            }
            parsed[operation] = errors;
        }
        return parsed;
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
