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
    /// One transition inside the current transaction: the selector decides the target from the current state, roles
    /// and guards; the engine closes what the old state opened, merges the payload, journals, and runs the entry
    /// activities of the new state. Nothing is saved here.
    /// </summary>
    internal async Task<TransitionContext> TransitionAsync(
        DbContext db, WorkflowInstance instance, PublishedWorkflow workflow, string trigger, WorkflowActor actor,
        JsonObject? payload, DateTimeOffset now, bool checkRoles, CancellationToken cancellationToken)
    {
        // A person's tie to the company (membership, delegation) is checked before anything else of the step, and
        // re-read here in the transaction, so a revocation refuses the very next request.
        if (checkRoles && !actor.IsSystem && instance.CompanyId is not null
            && await admission.RefusalAsync(db, instance, actor, trigger, now, record: true, cancellationToken) is { } refusal)
            throw new ActorNotAdmittedException(instance.Id, refusal);
        var state = workflow.State(instance.State);
        var variables = ParseVariables(instance.Variables);
        var selector = new TransitionSelector(state, actor, () => new ExpressionScope(variables, payload, actor, now), expressions, checkRoles);
        RejectMissingFields(workflow, state, selector, trigger, payload, variables);

        var chosen = selector.Selected(trigger)
            ?? throw new TriggerNotPermittedException(trigger, state.Name, selector.PermittedTriggers(), workflow.Definition);
        var missing = PayloadRules.Missing(payload, chosen.Requires);
        if (missing.Count > 0)
            throw new PayloadInvalidException(trigger, missing);

        // The step's contract: only its declared fields, well typed, none protected; then its checks and side effects,
        // which may refuse it, all before anything of the state changes.
        var accepted = await contract.AcceptAsync(db, instance, workflow, state, chosen, actor, payload, variables, payloads,
            checkUploader: checkRoles, cancellationToken);
        payloads.MergeInto(variables, accepted);
        var context = new TransitionContext(db, instance, workflow, actor, now, variables, payload);
        await activities.RunStepAsync(context, state, chosen, cancellationToken);

        await LeaveAsync(db, instance.Id, state, trigger, actor, now, forceAll: false, cancellationToken);
        instance.State = chosen.To;

        db.Add(JournalEntries.For(instance, actor, now, JournalKind.Transition, trigger, state.Name, instance.State,
            ChangeSummary.Changed(trigger, payload, payloads.IsSecret)));
        await activities.RunEntryAsync(context, workflow.State(instance.State), cancellationToken);
        Finish(context, bumpVersion: true);
        return context;
    }

    /// <summary>
    /// When every alternative the actor may take lacks required fields, say which fields, before guards run on
    /// a payload that cannot be complete; fields the step does not accept are named with them.
    /// </summary>
    private void RejectMissingFields(PublishedWorkflow workflow, CompiledState state, TransitionSelector selector, string trigger, JsonObject? payload,
        JsonObject variables)
    {
        if (!state.Transitions.TryGetValue(trigger, out var alternatives))
            return;
        CompiledTransition? first = null;
        List<string>? firstMissing = null;
        foreach (var alternative in alternatives.Where(selector.AdmitsActor))
        {
            var missing = PayloadRules.Missing(payload, alternative.Requires);
            if (missing.Count == 0)
                return;
            first ??= alternative;
            firstMissing ??= missing;
        }
        if (first is null || firstMissing is null)
            return;
        var errors = contract.Refused(workflow, state, first, payload, variables);
        foreach (var field in firstMissing)
            errors.TryAdd(field, FieldMessages.Required);
        throw new PayloadInvalidException(trigger, errors);
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
