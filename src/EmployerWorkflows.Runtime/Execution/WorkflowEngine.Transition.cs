using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// One transition inside the current transaction: Stateless decides the target from the current state, roles
    /// and guards; the engine closes what the old state opened, merges the payload, journals, and runs the entry
    /// activities of the new state. Nothing is saved here.
    /// </summary>
    internal async Task<TransitionContext> TransitionAsync(
        DbContext db, WorkflowInstance instance, PublishedWorkflow workflow, string trigger, WorkflowActor actor,
        JsonObject? payload, DateTimeOffset now, bool checkRoles, CancellationToken cancellationToken)
    {
        var state = workflow.State(instance.State);
        var variables = ParseVariables(instance.Variables);
        var selector = new TransitionSelector(state, actor, () => new ExpressionScope(variables, payload, actor, now), expressions, checkRoles);
        RejectMissingFields(state, selector, trigger, payload);

        var machine = MachineBuilder.Build(instance, state, selector);
        if (!machine.CanFire(trigger))
            throw new TriggerNotPermittedException(trigger, state.Name, MachineBuilder.PermittedTriggers(machine, state));
        var chosen = selector.Selected(trigger)!;
        var missing = PayloadRules.Missing(payload, chosen.Requires);
        if (missing.Count > 0)
            throw new PayloadInvalidException(trigger, missing);

        await LeaveAsync(db, instance.Id, state, trigger, actor, now, forceAll: false, cancellationToken);
        machine.Fire(trigger);
        payloads.MergeInto(variables, payload);

        var context = new TransitionContext(db, instance, workflow, actor, now, variables, payload);
        db.Add(JournalEntries.For(instance, actor, now, JournalKind.Transition, trigger, state.Name, instance.State,
            ChangeSummary.Changed(trigger, payload, payloads.IsSecret)));
        await activities.RunEntryAsync(context, workflow.State(instance.State), cancellationToken);
        Finish(context, bumpVersion: true);
        return context;
    }

    /// <summary>
    /// When every alternative the actor may take lacks required fields, say which fields, before guards run on
    /// a payload that cannot be complete.
    /// </summary>
    private static void RejectMissingFields(CompiledState state, TransitionSelector selector, string trigger, JsonObject? payload)
    {
        if (!state.Transitions.TryGetValue(trigger, out var alternatives))
            return;
        List<string>? firstMissing = null;
        foreach (var alternative in alternatives.Where(selector.AdmitsActor))
        {
            var missing = PayloadRules.Missing(payload, alternative.Requires);
            if (missing.Count == 0)
                return;
            firstMissing ??= missing;
        }
        if (firstMissing is not null)
            throw new PayloadInvalidException(trigger, firstMissing);
    }

    /// <summary>Closes the open tasks and cancels the pending timers of the state being left.</summary>
    internal static async Task LeaveAsync(
        DbContext db, Guid instanceId, CompiledState? state, string outcome, WorkflowActor actor, DateTimeOffset now,
        bool forceAll, CancellationToken cancellationToken, WorkflowTaskStatus closeAs = WorkflowTaskStatus.Completed)
    {
        if (forceAll || state!.OpensTasks)
            await RowUpdates.CloseOpenTasksAsync(db, instanceId, closeAs, now, actor.UserId, outcome, cancellationToken);
        if (forceAll || state!.SchedulesTimers)
            await RowUpdates.CancelPendingTimersAsync(db, instanceId, cancellationToken);
    }
}
