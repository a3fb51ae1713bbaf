using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>What one sweep did.</summary>
public sealed record SweepReport(int Fired, int Reminders, int Skipped);

/// <summary>
/// Fires due timers. Rows are claimed with one conditional UPDATE (still pending, claim free or expired), so two
/// nodes never take the same row; each timer then fires in its own transaction that also marks it Fired, under
/// the idempotency key <c>timer:{id}</c>. A node that dies mid-sweep leaves claims that expire and are re-taken.
/// </summary>
public sealed class TimerSweep(
    IWorkflowDbContextFactory contexts,
    WorkflowEngine engine,
    ReminderSender reminders,
    IOptions<WorkflowRuntimeOptions> options,
    TimeProvider time,
    ILogger<TimerSweep> logger)
{
    /// <summary>Sweeps until no due, unclaimed timer is left.</summary>
    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken = default)
    {
        int fired = 0, sent = 0, skipped = 0;
        var batch = Math.Max(1, options.Value.SweepBatchSize);
        while (!cancellationToken.IsCancellationRequested)
        {
            var (token, claimed) = await ClaimAsync(batch, cancellationToken);
            foreach (var timer in claimed)
            {
                var outcome = await ProcessAsync(timer, token, cancellationToken);
                switch (outcome)
                {
                    case TimerOutcome.Fired: fired++; break;
                    case TimerOutcome.Reminded: sent++; break;
                    default: skipped++; break;
                }
            }
            if (claimed.Count < batch)
                break;
        }
        return new SweepReport(fired, sent, skipped);
    }

    /// <summary>
    /// One timer; an unexpected failure (database down, a bug) is logged and the claim left to expire, so one bad
    /// row neither stops the sweep nor is lost.
    /// </summary>
    private async Task<TimerOutcome> ProcessAsync(WorkflowTimer timer, string token, CancellationToken cancellationToken)
    {
        using var span = WorkflowTelemetry.Start("workflow.timer", timer.InstanceId);
        using var scope = WorkflowLogScope.Timer(logger, timer.Id, timer.InstanceId);
        try
        {
            var outcome = timer.Kind == TimerKind.Reminder
                ? await reminders.SendAsync(timer, token, cancellationToken)
                : await FireAsync(timer, timer.Trigger!, $"timer:{timer.Id}", token, cancellationToken);
            if (outcome != TimerOutcome.Skipped)
                WorkflowTelemetry.TimerProcessed(timer, time.GetUtcNow());
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WorkflowTelemetry.Failed(span, e);
            logger.LogError(e, "Timer {TimerId} of instance {InstanceId} failed; it will be retried when its claim expires.",
                timer.Id, timer.InstanceId);
            return TimerOutcome.Skipped;
        }
    }

    private async Task<(string Token, List<WorkflowTimer> Claimed)> ClaimAsync(int batch, CancellationToken cancellationToken)
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
            return (token, []);
        // The condition is repeated in the UPDATE: only rows nobody claimed in between become ours. Due-ness too:
        // a reminder another node has just sent was moved to its next date and must not go out again now.
        await db.Set<WorkflowTimer>()
            .Where(t => due.Contains(t.Id) && t.Status == TimerStatus.Pending && t.DueAt <= now && (t.ClaimExpiresAt == null || t.ClaimExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, token).SetProperty(t => t.ClaimExpiresAt, expires), cancellationToken);
        var claimed = await db.Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.ClaimedBy == token)
            .OrderBy(t => t.DueAt)
            .ToListAsync(cancellationToken);
        return (token, claimed);
    }

    /// <summary>Fires a deadline (or a reminder's escalation) as a system transition that also marks the row Fired.</summary>
    internal async Task<TimerOutcome> FireAsync(WorkflowTimer timer, string trigger, string key, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await using var db = contexts.CreateDbContext();
            var result = await engine.FireCoreAsync(db,
                new FireTrigger(timer.InstanceId, trigger, WorkflowActor.System, IdempotencyKey: key),
                ownsContext: true, inTransaction: d => TimerRows.MarkFiredAsync(d, timer.Id, token, now, cancellationToken), cancellationToken);
            if (result.Status == InstanceStatus.Faulted || result.Replayed)
            {
                // The transition was rolled back with its mark; the incident keeps the trigger for a retry.
                await TimerRows.SetStatusAsync(contexts, timer.Id, token, TimerStatus.Fired, now, cancellationToken);
            }
            return TimerOutcome.Fired;
        }
        catch (TimerClaimLostException)
        {
            return TimerOutcome.Skipped;
        }
        catch (WorkflowNotRunningException e) when (e.Status == InstanceStatus.Faulted)
        {
            // Keep it for after the incident is retried; the claim expiry spaces out the next attempt.
            return TimerOutcome.Skipped;
        }
        catch (Exception e) when (e is WorkflowNotRunningException or TriggerNotPermittedException or WorkflowNotFoundException)
        {
            logger.LogInformation("Timer {TimerId} of instance {InstanceId} no longer applies: {Reason}", timer.Id, timer.InstanceId, e.Message);
            await TimerRows.SetStatusAsync(contexts, timer.Id, token, TimerStatus.Cancelled, now, cancellationToken);
            return TimerOutcome.Skipped;
        }
        catch (WorkflowConflictException)
        {
            // Someone acted at the same moment; the next sweep sees the outcome (the timer may be cancelled by then).
            await TimerRows.ReleaseAsync(contexts, timer.Id, token, cancellationToken);
            return TimerOutcome.Skipped;
        }
    }
}

internal enum TimerOutcome { Fired, Reminded, Skipped }
