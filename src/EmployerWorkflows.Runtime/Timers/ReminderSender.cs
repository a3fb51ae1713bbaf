using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>
/// Sends one due reminder: queues the email, counts it and moves the row to its next due time, together.
/// After the last of <c>Times</c> reminders the row waits one more period and then fires its escalation trigger
/// (or is done when there is none), so the recipient gets a full period to act on the last reminder.
/// </summary>
public sealed class ReminderSender(
    DefinitionStore definitions,
    EmailComposer emails,
    IncidentRecorder incidents,
    IServiceProvider services,
    TimeProvider time)
{
    private const int MaxSkippedPeriods = 10_000;

    /// <summary>Sends the reminder on the sweep's group unit of work <paramref name="db"/>, inside its savepoint for this timer.</summary>
    internal async Task<TimerOutcome> SendAsync(DbContext db, WorkflowTimer timer, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (timer.MaxCount is { } max && timer.Count >= max)
        {
            if (timer.Escalate is null)
            {
                await TimerRows.SetStatusAsync(db, timer.Id, token, TimerStatus.Fired, now, cancellationToken);
                return TimerOutcome.Skipped;
            }
            // Resolved lazily: the sweep and the sender depend on each other.
            var sweep = services.GetRequiredService<TimerSweep>();
            return await sweep.FireAsync(db, timer, timer.Escalate, $"timer:{timer.Id}:escalate", token, cancellationToken);
        }

        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == timer.InstanceId, cancellationToken);
        if (instance is null || instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled || instance.State != timer.State)
        {
            await TimerRows.SetStatusAsync(db, timer.Id, token, TimerStatus.Cancelled, now, cancellationToken);
            return TimerOutcome.Skipped;
        }
        if (instance.Status == InstanceStatus.Faulted)
            return TimerOutcome.Skipped;

        var workflow = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion);
        var count = timer.Count + 1;
        var done = count >= timer.MaxCount && timer.Escalate is null;
        var next = NextDue(timer, now);
        try
        {
            // First, so a transition leaving the state (which cancels this row) and this reminder exclude each other.
            var updated = await TimerRows.Ours(db, timer.Id, token).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Count, count)
                .SetProperty(t => t.DueAt, next)
                .SetProperty(t => t.Status, done ? TimerStatus.Fired : TimerStatus.Pending)
                .SetProperty(t => t.FiredAt, done ? now : (DateTimeOffset?)null)
                .SetProperty(t => t.ClaimedBy, (string?)null)
                .SetProperty(t => t.ClaimExpiresAt, (DateTimeOffset?)null), cancellationToken);
            if (updated == 0)
                return TimerOutcome.Skipped;
            var context = new TransitionContext(db, instance, workflow, WorkflowActor.System, now,
                System.Text.Json.Nodes.JsonNode.Parse(instance.Variables)!.AsObject(), null);
            await RunAsync(context, timer, cancellationToken);
            db.Add(JournalEntries.For(context, JournalKind.Reminder, null,
                $"reminder {count}{(timer.MaxCount is { } m ? $"/{m}" : "")} ({timer.Template})"));
            await db.SaveChangesAsync(cancellationToken);
            return TimerOutcome.Reminded;
        }
        catch (ActivityFailure failure)
        {
            // The reminder is undone (the row keeps its count and claim, which expires) and the instance faults.
            await TimerGroup.RollBackTimerAsync(db);
            await incidents.RecordTransitionFailureAsync(db, instance.Id, instance.Version, instance.State, null, null,
                failure, WorkflowActor.System, null, now, cancellationToken);
            return TimerOutcome.Skipped;
        }
    }

    private async Task RunAsync(TransitionContext context, WorkflowTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            await emails.QueueAsync(context, timer.Template!, timer.To!, [], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ActivityFailure(timer.ActivityId ?? $"{timer.State}.reminder", "reminder", e.Message, e);
        }
    }

    /// <summary>The next period boundary after now: missed periods (node down) are not sent in a burst.</summary>
    private static DateTimeOffset NextDue(WorkflowTimer timer, DateTimeOffset now)
    {
        var every = IsoDuration.Parse(timer.Every!);
        var next = every.AddTo(timer.DueAt);
        for (var i = 0; next <= now && i < MaxSkippedPeriods; i++)
            next = every.AddTo(next);
        return next;
    }
}
