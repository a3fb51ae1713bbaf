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

    private async Task<(PublishedWorkflow Target, string State)> ValidateMigrationAsync(
        DbContext db, WorkflowInstance instance, MigrateInstance command)
    {
        var problems = new List<string>();
        if (command.TargetVersion == instance.DefinitionVersion)
            problems.Add($"The instance already runs version {command.TargetVersion}.");
        if (!await definitions.IsPublishedAsync(db, instance.DefinitionId, command.TargetVersion))
        {
            problems.Add($"Version {command.TargetVersion} of '{instance.DefinitionId}' does not exist or is not published.");
            throw new MigrationInvalidException(problems);
        }
        var target = await definitions.GetAsync(db, instance.DefinitionId, command.TargetVersion);
        foreach (var (from, to) in command.StateMapping)
        {
            if (!target.States.ContainsKey(to))
                problems.Add($"Mapped state '{to}' (for '{from}') does not exist in version {target.Version}.");
        }
        var targetState = command.StateMapping.GetValueOrDefault(instance.State, instance.State);
        if (!command.StateMapping.ContainsKey(instance.State) && !target.States.ContainsKey(targetState))
            problems.Add($"The current state '{instance.State}' does not exist in version {target.Version}; map it to one that does.");
        if (problems.Count > 0)
            throw new MigrationInvalidException(problems);
        return (target, targetState);
    }
}
