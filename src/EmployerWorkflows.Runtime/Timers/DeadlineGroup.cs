using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>
/// The common case of a sweep, made cheap: a group of deadlines of distinct running instances, none fired before.
/// Their instances and earlier results are read with one query each, every transition runs through the engine's
/// <see cref="WorkflowEngine.TransitionAsync"/> as a fired trigger would, and what they changed is saved with one
/// SaveChanges and one commit. Anything unusual in the group (a refusal, a failing activity, a lost claim, a
/// conflict) abandons the attempt before the commit, and the sweep fires the group again timer by timer, where
/// each outcome is handled on its own.
/// </summary>
internal sealed class DeadlineGroup(WorkflowEngine engine, DefinitionStore definitions, TimerWakeUp wakeUp, TimeProvider time, ILogger logger)
{
    /// <summary>Whether the group may take this path at all; the rest goes timer by timer.</summary>
    public static bool Fits(IReadOnlyList<WorkflowTimer> group) =>
        group.All(t => t.Kind == TimerKind.Timer && t.Trigger is not null)
        && group.Select(t => t.InstanceId).Distinct().Count() == group.Count;

    /// <summary>Fires the whole group and commits, or returns false with nothing of it kept.</summary>
    public async Task<bool> TryFireAsync(DbContext db, IReadOnlyList<WorkflowTimer> group, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = group.Select(t => t.InstanceId).ToList();
        var keys = group.Select(Key).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var instances = await db.Set<WorkflowInstance>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var firedBefore = await db.Set<ProcessedCommand>().AnyAsync(c => keys.Contains(c.IdempotencyKey), cancellationToken);
            if (firedBefore || instances.Count != group.Count || instances.Values.Any(i => i.Status != InstanceStatus.Running))
                return await AbandonAsync(db, transaction);

            var dueTimes = new List<DateTimeOffset>();
            foreach (var timer in group)
            {
                var instance = instances[timer.InstanceId];
                // As on a timer fired alone: its span, and every line logged meanwhile names the timer and the instance.
                using var span = WorkflowTelemetry.Start("workflow.timer", timer.InstanceId, instance.DefinitionId);
                using var timerScope = WorkflowLogScope.Timer(logger, timer.Id, timer.InstanceId);
                using var instanceScope = WorkflowLogScope.Instance(logger, instance.Id, instance.CorrelationId);
                var from = instance.State;
                if (await RowUpdates.MarkTimerFiredAsync(db, timer.Id, token, now, cancellationToken) != 1)
                    return await AbandonAsync(db, transaction);
                var workflow = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion);
                var context = await engine.TransitionAsync(db, instance, workflow, timer.Trigger!, WorkflowActor.System, null, now,
                    checkRoles: true, cancellationToken);
                WorkflowEngine.Remember(db, Key(timer), new WorkflowResult(instance.Id, from, instance.State, instance.Status, instance.Version), now);
                dueTimes.AddRange(context.ScheduledDueTimes);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var timer in group)
                WorkflowTelemetry.Transitioned(instances[timer.InstanceId], timer.Trigger!);
            wakeUp.After(dueTimes);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever it was, the timer-by-timer path meets it again and ends it as a single fire would.
            return await AbandonAsync(db, transaction);
        }
    }

    private static string Key(WorkflowTimer timer) => $"timer:{timer.Id}";

    private static async Task<bool> AbandonAsync(DbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return false;
    }
}
