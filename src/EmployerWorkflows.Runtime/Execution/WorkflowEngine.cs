using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// The engine. Failure handling distinguishes two cases. A command that is wrong (not permitted, stale version,
/// missing fields, database conflict) throws a typed exception and leaves nothing behind. An activity that fails
/// (an operation throws, a template or expression breaks) also rolls the whole transition back, and then — in a
/// second, separate transaction — faults the instance and records an incident, so an operator can retry or cancel.
/// </summary>
public sealed partial class WorkflowEngine(
    IWorkflowDbContextFactory contexts,
    DefinitionStore definitions,
    ValueExpressions expressions,
    ActivityRunner activities,
    PayloadRules payloads,
    StepContract contract,
    IncidentRecorder incidents,
    TimerWakeUp wakeUp,
    IActorAdmission admission,
    TimeProvider time,
    ILogger<WorkflowEngine> logger) : IWorkflowEngine
{
    private static Task<WorkflowInstance?> InstanceById(DbContext db, Guid id) => CompiledQueries.For(db).InstanceById(db, id);

    private static Task<string?> ProcessedResult(DbContext db, string key) => CompiledQueries.For(db).ProcessedResult(db, key);

    public async Task<WorkflowResult> StartAsync(StartWorkflow command, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await StartCoreAsync(db, command, ownsContext: true, cancellationToken);
    }

    public Task<WorkflowResult> StartAsync(DbContext db, StartWorkflow command, CancellationToken cancellationToken = default) =>
        StartCoreAsync(db, command, ownsContext: false, cancellationToken);

    private async Task<WorkflowResult> StartCoreAsync(DbContext db, StartWorkflow command, bool ownsContext, CancellationToken cancellationToken)
    {
        if (ownsContext)
        {
            // One connection for the whole command: reopening between the read and the transaction costs more than the work.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        TrackExplicitly(db, ownsContext);
        if (command.IdempotencyKey is not null && await ReplayAsync(db, command.IdempotencyKey) is { } earlier)
            return earlier;
        var workflow = command.Version is { } version
            ? await definitions.GetAsync(db, command.DefinitionId, version)
            : await definitions.GetLatestAsync(db, command.DefinitionId);
        var now = time.GetUtcNow();
        var variables = StartVariables(workflow, command);
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = workflow.DefinitionId,
            DefinitionVersion = workflow.Version,
            State = workflow.Definition.Initial,
            Status = InstanceStatus.Running,
            CorrelationId = command.CorrelationId,
            CompanyId = command.CompanyId ?? command.Actor.CompanyId,
            CreatedAt = now,
            CreatedBy = command.Actor.UserId,
            UpdatedAt = now,
            Version = 1,
        };
        // The same say of the host on the person's tie to the company as for every later step.
        if (!command.Actor.IsSystem && instance.CompanyId is not null
            && await admission.RefusalAsync(db, instance, command.Actor, "", now, record: true, cancellationToken) is { } refusal)
            throw new ActorNotAdmittedException(instance.Id, refusal);
        var context = new TransitionContext(db, instance, workflow, command.Actor, now, variables, null);
        using var span = WorkflowTelemetry.Start("workflow.start", instance.Id, instance.DefinitionId);
        using var scope = WorkflowLogScope.Instance(logger, instance.Id, instance.CorrelationId);
        try
        {
            var result = await InTransactionAsync(db, async () =>
            {
                db.Add(instance);
                db.Add(JournalEntries.For(instance, command.Actor, now, JournalKind.Started, null, null, instance.State,
                    ChangeSummary.Started(command.Variables, payloads.IsSecret)));
                await activities.RunEntryAsync(context, workflow.State(instance.State), cancellationToken);
                Finish(context, bumpVersion: false);
                var result = Result(instance, null);
                Remember(db, command.IdempotencyKey, result, now);
                await SaveAsync(db, context, cancellationToken);
                return result;
            }, cancellationToken);
            wakeUp.After(context.ScheduledDueTimes);
            WorkflowTelemetry.Started(instance);
            return result;
        }
        catch (ActivityFailure failure) when (ownsContext)
        {
            WorkflowTelemetry.Failed(span, failure);
            WorkflowTelemetry.Started(instance);
            db.ChangeTracker.Clear();
            instance.Variables = StartVariables(workflow, command).ToJsonString();
            instance.State = workflow.Definition.Initial;
            return await incidents.RecordStartFailureAsync(instance, failure, command.Actor, command.IdempotencyKey, now, cancellationToken);
        }
        catch (ActivityFailure failure)
        {
            throw failure.ToPublic();
        }
        catch (DbUpdateException) when (command.IdempotencyKey is not null)
        {
            // The same start ran concurrently and committed first: return its result.
            if (await ReplayFreshAsync(command.IdempotencyKey) is { } replay)
                return replay;
            throw;
        }
    }

    /// <summary>
    /// Settings of engine-owned units of work (a caller's unit of work keeps its own). They track only what the
    /// engine adds or changes, so the whole-context scan of automatic change detection is skipped; it runs in full
    /// only after a domain operation, which may have changed any tracked entity. A failed save rolls back the whole
    /// transaction, so the savepoint EF Core would set around SaveChanges is a round trip for nothing.
    /// </summary>
    private static void TrackExplicitly(DbContext db, bool ownsContext)
    {
        if (!ownsContext)
            return;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
    }

    private static Task<int> SaveAsync(DbContext db, TransitionContext context, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.AutoDetectChangesEnabled)
        {
            if (context.RanOperation)
                db.ChangeTracker.DetectChanges();
            else
                db.Entry(context.Instance).DetectChanges();
        }
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The definition's defaults overlaid with the start input, secret fields left out.</summary>
    private JsonObject StartVariables(PublishedWorkflow workflow, StartWorkflow command)
    {
        var variables = new JsonObject();
        foreach (var (name, value) in workflow.Definition.Variables)
            variables[name] = value?.DeepClone();
        payloads.MergeInto(variables, command.Variables);
        return variables;
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction, or in a new one committed here.</summary>
    internal static async Task<T> InTransactionAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Writes back variables, completes the instance on a final state, bumps the concurrency token.</summary>
    private static void Finish(TransitionContext context, bool bumpVersion)
    {
        var instance = context.Instance;
        instance.Variables = context.Variables.ToJsonString();
        instance.UpdatedAt = context.Now;
        if (bumpVersion)
            instance.Version++;
        if (context.Workflow.State(instance.State).Final)
        {
            instance.Status = InstanceStatus.Completed;
            instance.CompletedAt = context.Now;
        }
    }

    private static WorkflowResult Result(WorkflowInstance instance, string? from) =>
        new(instance.Id, from, instance.State, instance.Status, instance.Version);

    internal static void Remember(DbContext db, string? key, WorkflowResult result, DateTimeOffset now)
    {
        if (key is null)
            return;
        db.Add(new ProcessedCommand
        {
            Id = Guid.CreateVersion7(now),
            IdempotencyKey = key,
            InstanceId = result.InstanceId,
            ResultJson = JsonSerializer.Serialize(result),
            At = now,
        });
    }

    private static async Task<WorkflowResult?> ReplayAsync(DbContext db, string key) =>
        await ProcessedResult(db, key) is { } json
            ? JsonSerializer.Deserialize<WorkflowResult>(json)! with { Replayed = true }
            : null;

    private async Task<WorkflowResult?> ReplayFreshAsync(string key)
    {
        await using var db = contexts.CreateDbContext();
        return await ReplayAsync(db, key);
    }

    private static JsonObject ParseVariables(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
