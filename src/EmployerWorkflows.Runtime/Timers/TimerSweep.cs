using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>What one sweep did.</summary>
public sealed record SweepReport(int Fired, int Reminders, int Skipped);

/// <summary>
/// Fires due timers. A group of rows is claimed with one conditional UPDATE (still pending, claim free or expired),
/// so two nodes never take the same row; the group then fires in one transaction, each timer marked Fired with its
/// transition under the idempotency key <c>timer:{id}</c>. Deadlines are first tried all together
/// (<see cref="DeadlineGroup"/>); when that meets anything unusual, the group fires timer by timer, each behind its own
/// savepoint, so one failing timer rolls back alone. A node that dies mid-sweep leaves claims that expire and are
/// re-taken.
/// </summary>
public sealed class TimerSweep(
    IWorkflowDbContextFactory contexts,
    WorkflowEngine engine,
    ReminderSender reminders,
    IncidentRecorder incidents,
    DefinitionStore definitions,
    TimerWakeUp wakeUp,
    IOptions<WorkflowRuntimeOptions> options,
    TimeProvider time,
    ILogger<TimerSweep> logger)
{
    private readonly DeadlineGroup _deadlines = new(engine, definitions, wakeUp, time, logger);

    /// <summary>Sweeps until no due, unclaimed timer is left.</summary>
    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var total = new SweepReport(0, 0, 0);
        var batch = Math.Max(1, options.Value.SweepBatchSize);
        while (!cancellationToken.IsCancellationRequested)
        {
            var (due, token, claimed) = await ClaimAsync(batch, cancellationToken);
            if (claimed.Count > 0)
            {
                var group = await FireGroupAsync(token, claimed, cancellationToken);
                total = new SweepReport(total.Fired + group.Fired, total.Reminders + group.Reminders, total.Skipped + group.Skipped);
            }
            // Rows another node claimed in between are not ours; more may be due after them.
            if (due < batch)
                break;
        }
        return total;
    }

    /// <summary>
    /// Fires a claimed group and commits it once. Should the commit itself fail (database gone), nothing of the group
    /// happened (but deadlines already committed together) and its claims expire, to be retaken by the next sweep on
    /// any node.
    /// </summary>
    private async Task<SweepReport> FireGroupAsync(string token, List<WorkflowTimer> claimed, CancellationToken cancellationToken)
    {
        int fired = 0, sent = 0, skipped = 0, committed = 0;
        try
        {
            var deadlines = claimed.Where(t => t.Kind == TimerKind.Timer).ToList();
            var rest = claimed;
            if (deadlines.Count > 0 && DeadlineGroup.Fits(deadlines) && await TryFireDeadlinesAsync(deadlines, token, cancellationToken))
            {
                fired = committed = deadlines.Count;
                var now = time.GetUtcNow();
                foreach (var deadline in deadlines)
                    WorkflowTelemetry.TimerProcessed(deadline, now);
                rest = claimed.Where(t => t.Kind != TimerKind.Timer).ToList();
                if (rest.Count == 0)
                    return new SweepReport(fired, 0, 0);
            }
            await using var group = await TimerGroup.BeginAsync(contexts.CreateDbContext(), cancellationToken);
            foreach (var timer in rest)
            {
                await group.BeginTimerAsync(cancellationToken);
                switch (await ProcessAsync(group.Db, timer, token, cancellationToken))
                {
                    case TimerOutcome.Fired: fired++; break;
                    case TimerOutcome.Reminded: sent++; break;
                    default: skipped++; break;
                }
                await group.EndTimerAsync(cancellationToken);
            }
            await group.CommitAsync(cancellationToken);
            return new SweepReport(fired, sent, skipped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A group of {Count} timers could not be committed; they will be retried when their claims expire.", claimed.Count);
            return new SweepReport(committed, 0, claimed.Count - committed);
        }
    }

    private async Task<bool> TryFireDeadlinesAsync(List<WorkflowTimer> deadlines, string token, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        // As on the engine's own units of work: changes are detected once, before the group's single save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await _deadlines.TryFireAsync(db, deadlines, token, cancellationToken);
    }

    /// <summary>
    /// One timer; an unexpected failure (a bug, a lock timeout) is logged and the timer rolled back with its claim
    /// left to expire, so one bad row neither stops the group nor is lost.
    /// </summary>
    private async Task<TimerOutcome> ProcessAsync(DbContext db, WorkflowTimer timer, string token, CancellationToken cancellationToken)
    {
        using var span = WorkflowTelemetry.Start("workflow.timer", timer.InstanceId);
        using var scope = WorkflowLogScope.Timer(logger, timer.Id, timer.InstanceId);
        try
        {
            var outcome = timer.Kind == TimerKind.Reminder
                ? await reminders.SendAsync(db, timer, token, cancellationToken)
                : await FireAsync(db, timer, timer.Trigger!, $"timer:{timer.Id}", token, cancellationToken);
            if (outcome != TimerOutcome.Skipped)
                WorkflowTelemetry.TimerProcessed(timer, time.GetUtcNow());
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await TimerGroup.RollBackTimerAsync(db);
            WorkflowTelemetry.Failed(span, e);
            logger.LogError(e, "Timer {TimerId} of instance {InstanceId} failed; it will be retried when its claim expires.",
                timer.Id, timer.InstanceId);
            return TimerOutcome.Skipped;
        }
    }

    private async Task<(int Due, string Token, List<WorkflowTimer> Claimed)> ClaimAsync(int batch, CancellationToken cancellationToken)
    {
        var token = $"{options.Value.NodeId}:{Guid.NewGuid():N}";
        var now = time.GetUtcNow();
        var expires = now + options.Value.ClaimDuration;
        await using var db = contexts.CreateDbContext();
        var due = await db.Set<WorkflowTimer>()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && (t.ClaimExpiresAt == null || t.ClaimExpiresAt < now))
            .OrderBy(t => t.DueAt)
            .Select(t => t.Id)
            .Take(batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return (0, token, []);
        // The condition is repeated in the UPDATE: only rows nobody claimed in between become ours. Due-ness too:
        // a reminder another node has just sent was moved to its next date and must not go out again now.
        await db.Set<WorkflowTimer>()
            .Where(t => due.Contains(t.Id) && t.Status == TimerStatus.Pending && t.DueAt <= now && (t.ClaimExpiresAt == null || t.ClaimExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, token).SetProperty(t => t.ClaimExpiresAt, expires), cancellationToken);
        var claimed = await db.Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.ClaimedBy == token)
            .OrderBy(t => t.DueAt)
            .ToListAsync(cancellationToken);
        return (due.Count, token, claimed);
    }

    /// <summary>
    /// Fires a deadline (or a reminder's escalation) as a system transition that also marks the row Fired, on the
    /// group's unit of work. Each refusal ends as it would for a timer fired alone: a failing activity faults the
    /// instance with an incident (the row is done; the incident keeps the trigger for a retry), a timer that no
    /// longer applies is cancelled, one raced by a person is released for the next sweep.
    /// </summary>
    internal async Task<TimerOutcome> FireAsync(DbContext db, WorkflowTimer timer, string trigger, string key, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            // The engine detects only what it changed, as on a unit of work of its own.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var result = await engine.FireCoreAsync(db,
                new FireTrigger(timer.InstanceId, trigger, WorkflowActor.System, IdempotencyKey: key),
                ownsContext: false, inTransaction: d => TimerRows.MarkFiredAsync(d, timer.Id, token, now, cancellationToken), cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            if (result.Replayed)
                await TimerRows.SetStatusAsync(db, timer.Id, token, TimerStatus.Fired, now, cancellationToken);
            return TimerOutcome.Fired;
        }
        catch (TimerClaimLostException)
        {
            await TimerGroup.RollBackTimerAsync(db);
            return TimerOutcome.Skipped;
        }
        catch (WorkflowActivityFailedException e)
        {
            await TimerGroup.RollBackTimerAsync(db);
            return await RecordIncidentAsync(db, timer, trigger, key, token, e, now, cancellationToken);
        }
        catch (WorkflowNotRunningException e) when (e.Status == InstanceStatus.Faulted)
        {
            // Keep it for after the incident is retried; the claim expiry spaces out the next attempt.
            await TimerGroup.RollBackTimerAsync(db);
            return TimerOutcome.Skipped;
        }
        catch (Exception e) when (e is WorkflowNotRunningException or TriggerNotPermittedException or WorkflowNotFoundException)
        {
            await TimerGroup.RollBackTimerAsync(db);
            logger.LogInformation("Timer {TimerId} of instance {InstanceId} no longer applies: {Reason}", timer.Id, timer.InstanceId, e.Message);
            await TimerRows.SetStatusAsync(db, timer.Id, token, TimerStatus.Cancelled, now, cancellationToken);
            return TimerOutcome.Skipped;
        }
        catch (WorkflowConflictException)
        {
            // Someone acted at the same moment; the next sweep sees the outcome (the timer may be cancelled by then).
            await TimerGroup.RollBackTimerAsync(db);
            await TimerRows.ReleaseAsync(db, timer.Id, token, cancellationToken);
            return TimerOutcome.Skipped;
        }
    }

    /// <summary>The instance faults with an incident recorded in the timer's place; the row is done.</summary>
    private async Task<TimerOutcome> RecordIncidentAsync(DbContext db, WorkflowTimer timer, string trigger, string key, string token,
        WorkflowActivityFailedException e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.Id == timer.InstanceId)
            .Select(i => new { i.State, i.Status, i.Version })
            .FirstAsync(cancellationToken);
        if (instance.Status != InstanceStatus.Running || instance.State != timer.State)
        {
            // Someone moved the procedure since the failed attempt read it: as a conflict, the next sweep decides.
            await TimerRows.ReleaseAsync(db, timer.Id, token, cancellationToken);
            return TimerOutcome.Skipped;
        }
        var failure = new ActivityFailure(e.ActivityId, e.ActivityKind, e.Reason, e.InnerException);
        await incidents.RecordTransitionFailureAsync(db, timer.InstanceId, instance.Version, instance.State, trigger, null,
            failure, WorkflowActor.System, key, now, cancellationToken);
        await TimerRows.SetStatusAsync(db, timer.Id, token, TimerStatus.Fired, now, cancellationToken);
        return TimerOutcome.Fired;
    }
}

internal enum TimerOutcome { Fired, Reminded, Skipped }
