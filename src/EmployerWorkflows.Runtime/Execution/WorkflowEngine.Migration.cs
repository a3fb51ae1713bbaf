using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Moves a running instance to another published version: its open tasks and pending timers are cancelled, the
    /// mapped state's entry activities run on the new version, and a Migration journal entry records the move — all
    /// in one transaction. An activity failure rolls everything back and throws.
    /// </summary>
    public async Task<WorkflowResult> MigrateAsync(MigrateInstance command, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var instance = await InstanceById(db, command.InstanceId)
            ?? throw new WorkflowNotFoundException($"No procedure instance {command.InstanceId} exists.");
        if (instance.Status != InstanceStatus.Running)
            throw new WorkflowNotRunningException(instance.Id, instance.Status);
        var (target, targetState) = await ValidateMigrationAsync(db, instance, command);
        var now = time.GetUtcNow();
        var from = $"{instance.State} (v{instance.DefinitionVersion})";
        try
        {
            var (result, context) = await InTransactionAsync(db, async () =>
            {
                await LeaveAsync(db, instance.Id, null, "migrated", command.Actor, now, forceAll: true, cancellationToken, WorkflowTaskStatus.Cancelled);
                var fromState = instance.State;
                instance.DefinitionVersion = target.Version;
                instance.State = targetState;
                db.Add(JournalEntries.For(instance, command.Actor, now, JournalKind.Migration, null, fromState, targetState,
                    $"migrated from {from} to {targetState} (v{target.Version})"));
                var context = new TransitionContext(db, instance, target, command.Actor, now, ParseVariables(instance.Variables), null);
                await activities.RunEntryAsync(context, target.State(targetState), cancellationToken);
                Finish(context, bumpVersion: true);
                await db.SaveChangesAsync(cancellationToken);
                return (Result(instance, fromState), context);
            }, cancellationToken);
            wakeUp.After(context.ScheduledDueTimes);
            return result;
        }
        catch (ActivityFailure failure)
        {
            throw failure.ToPublic();
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw await ConflictAsync(instance.Id, e);
        }
    }

    /// <summary>
    /// Checks a migration without running it: the same rules <see cref="MigrateAsync"/> applies before it changes
    /// anything. An empty list means the migration can run.
    /// </summary>
    public async Task<IReadOnlyList<MigrationProblem>> CheckMigrationAsync(MigrateInstance command, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.InstanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No procedure instance {command.InstanceId} exists.");
        if (instance.Status != InstanceStatus.Running)
            throw new WorkflowNotRunningException(instance.Id, instance.Status);
        return (await PlanMigrationAsync(db, instance, command)).Problems;
    }

    private async Task<(PublishedWorkflow Target, string State)> ValidateMigrationAsync(
        DbContext db, WorkflowInstance instance, MigrateInstance command)
    {
        var plan = await PlanMigrationAsync(db, instance, command);
        if (plan.Problems.Count > 0)
            throw new MigrationInvalidException(plan.Problems.Select(p => p.Message).ToList());
        return (plan.Target!, plan.TargetState);
    }

    private sealed record MigrationPlan(PublishedWorkflow? Target, string TargetState, IReadOnlyList<MigrationProblem> Problems);

    private async Task<MigrationPlan> PlanMigrationAsync(DbContext db, WorkflowInstance instance, MigrateInstance command)
    {
        var problems = new List<MigrationProblem>();
        MigrationProblem Problem(MigrationProblemKind kind, string? state = null, string? mappedTo = null) =>
            new(kind, instance.DefinitionId, command.TargetVersion, state, mappedTo);
        if (command.TargetVersion == instance.DefinitionVersion)
            problems.Add(Problem(MigrationProblemKind.SameVersion));
        if (!await definitions.IsPublishedAsync(db, instance.DefinitionId, command.TargetVersion))
        {
            problems.Add(Problem(MigrationProblemKind.VersionNotPublished));
            return new MigrationPlan(null, instance.State, problems);
        }
        var target = await definitions.GetAsync(db, instance.DefinitionId, command.TargetVersion);
        foreach (var (from, to) in command.StateMapping)
        {
            if (!target.States.ContainsKey(to))
                problems.Add(Problem(MigrationProblemKind.MappedStateMissing, from, to));
        }
        var targetState = command.StateMapping.GetValueOrDefault(instance.State, instance.State);
        if (!command.StateMapping.ContainsKey(instance.State) && !target.States.ContainsKey(targetState))
            problems.Add(Problem(MigrationProblemKind.CurrentStateUnmapped, instance.State));
        return new MigrationPlan(target, targetState, problems);
    }
}
