using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

public sealed partial class WorkflowEngine
{
    public async Task<WorkflowResult> FireAsync(FireTrigger command, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await FireCoreAsync(db, command, ownsContext: true, null, cancellationToken);
    }

    public Task<WorkflowResult> FireAsync(DbContext db, FireTrigger command, CancellationToken cancellationToken = default) =>
        FireCoreAsync(db, command, ownsContext: false, null, cancellationToken);

    /// <summary>
    /// Fires a trigger. <paramref name="inTransaction"/> runs first inside the transition's transaction; the timer
    /// sweep uses it to mark its timer fired atomically with the transition.
    /// </summary>
    internal async Task<WorkflowResult> FireCoreAsync(
        DbContext db, FireTrigger command, bool ownsContext, Func<DbContext, Task>? inTransaction, CancellationToken cancellationToken)
    {
        try
        {
            return await FireOnceAsync(db, command, ownsContext, inTransaction, cancellationToken);
        }
        catch (WorkflowException) when (command.IdempotencyKey is not null)
        {
            // The same command may have committed between our first look for it and our read of the instance;
            // then its result is the answer, not the "not permitted" or "conflict" its success caused.
            if (await ReplayFreshAsync(command.IdempotencyKey) is { } replay)
                return replay;
            throw;
        }
    }

    private async Task<WorkflowResult> FireOnceAsync(
        DbContext db, FireTrigger command, bool ownsContext, Func<DbContext, Task>? inTransaction, CancellationToken cancellationToken)
    {
        if (ownsContext)
        {
            // One connection for the whole command: reopening between the read and the transaction costs more than the work.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        TrackExplicitly(db, ownsContext);
        if (command.IdempotencyKey is not null && await ReplayAsync(db, command.IdempotencyKey) is { } earlier)
            return earlier;
        var instance = await InstanceById(db, command.InstanceId)
            ?? throw new WorkflowNotFoundException($"No procedure instance {command.InstanceId} exists.");
        if (instance.Status != InstanceStatus.Running)
            throw new WorkflowNotRunningException(instance.Id, instance.Status);
        if (command.ExpectedVersion is { } expected && expected != instance.Version)
            throw new WorkflowConflictException(instance.Id, instance.State, instance.Version);
        var workflow = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion);
        var now = time.GetUtcNow();
        var fromState = instance.State;
        var readVersion = instance.Version;
        using var span = WorkflowTelemetry.Start("workflow.transition", instance.Id, instance.DefinitionId);
        span?.SetTag("workflow.trigger", command.Trigger);
        using var scope = WorkflowLogScope.Instance(logger, instance.Id, instance.CorrelationId);
        try
        {
            var (result, context) = await InTransactionAsync(db, async () =>
            {
                if (inTransaction is not null)
                    await inTransaction(db);
                var context = await TransitionAsync(db, instance, workflow, command.Trigger, command.Actor, command.Payload, now, checkRoles: true, cancellationToken);
                var result = Result(instance, fromState);
                Remember(db, command.IdempotencyKey, result, now);
                await SaveAsync(db, context, cancellationToken);
                return (result, context);
            }, cancellationToken);
            wakeUp.After(context.ScheduledDueTimes);
            WorkflowTelemetry.Transitioned(instance, command.Trigger);
            return result;
        }
        catch (ActivityFailure failure) when (ownsContext)
        {
            WorkflowTelemetry.Failed(span, failure);
            db.ChangeTracker.Clear();
            return await incidents.RecordTransitionFailureAsync(
                instance.Id, readVersion, fromState, command.Trigger, payloads.WithoutSecrets(command.Payload),
                failure, command.Actor, command.IdempotencyKey, now, cancellationToken);
        }
        catch (ActivityFailure failure)
        {
            throw failure.ToPublic();
        }
        catch (DbUpdateException e) when (command.IdempotencyKey is not null || e is DbUpdateConcurrencyException)
        {
            // Lost a race: either the same command already ran (replay its result) or someone else acted first.
            if (command.IdempotencyKey is not null && await ReplayFreshAsync(command.IdempotencyKey) is { } replay)
                return replay;
            if (e is DbUpdateConcurrencyException)
                throw await ConflictAsync(command.InstanceId, e);
            throw;
        }
    }

    private async Task<WorkflowConflictException> ConflictAsync(Guid instanceId, Exception inner)
    {
        await using var db = contexts.CreateDbContext();
        var current = await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.Id == instanceId).Select(i => new { i.State, i.Version }).FirstAsync();
        return new WorkflowConflictException(instanceId, current.State, current.Version, inner);
    }
}
