using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

public sealed partial class WorkflowEngine
{
    public async Task<IReadOnlyList<PermittedAction>> GetPermittedActionsAsync(
        Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No procedure instance {instanceId} exists.");
        if (instance.Status != InstanceStatus.Running)
            return [];
        var now = time.GetUtcNow();
        if (!actor.IsSystem && instance.CompanyId is not null
            && await admission.RefusalAsync(db, instance, actor, "", now, record: false, cancellationToken) is not null)
            return [];
        var workflow = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion);
        var state = workflow.State(instance.State);
        var variables = ParseVariables(instance.Variables);
        // A broken guard hides its action here; firing it records the incident.
        var selector = new TransitionSelector(state, actor, () => new ExpressionScope(variables, null, actor, now),
            expressions, checkRoles: true, guardErrorsAreFalse: true);
        return selector.PermittedTriggers()
            .Select(trigger => selector.Selected(trigger)!)
            .Select(t => new PermittedAction(t.Trigger, t.To, t.Requires, workflow.Definition.TriggerTitle(t.Trigger, instance.State)))
            .ToList();
    }

    public async Task<WorkflowResult> RetryAsync(Guid incidentId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == incidentId && i.ResolvedAt == null, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No open incident {incidentId} exists.");
        var instance = await InstanceById(db, incident.InstanceId)
            ?? throw new WorkflowNotFoundException($"No procedure instance {incident.InstanceId} exists.");
        if (instance.Status != InstanceStatus.Faulted)
            throw new WorkflowNotRunningException(instance.Id, instance.Status);
        var workflow = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion);
        var now = time.GetUtcNow();
        var readVersion = instance.Version;
        var payload = incident.PayloadJson is null ? null : JsonNode.Parse(incident.PayloadJson) as JsonObject;
        try
        {
            var (result, context) = await InTransactionAsync(db, async () =>
            {
                instance.Status = InstanceStatus.Running;
                incident.ResolvedAt = now;
                incident.Resolution = $"retried by {actor.DisplayName}";
                db.Add(JournalEntries.For(instance, actor, now, JournalKind.Retry, incident.Trigger, incident.FromState, incident.FromState,
                    $"retry of incident {incident.Id} ({incident.ActivityKind} {incident.ActivityId})"));
                TransitionContext context;
                if (incident.Trigger is null)
                {
                    // The start or a reminder failed: enter the state afresh (what it had opened is replaced).
                    await LeaveAsync(db, instance.Id, null, "retried", actor, now, forceAll: true, cancellationToken, WorkflowTaskStatus.Cancelled);
                    context = new TransitionContext(db, instance, workflow, actor, now, ParseVariables(instance.Variables), null);
                    await activities.RunEntryAsync(context, workflow.State(instance.State), cancellationToken);
                    Finish(context, bumpVersion: true);
                }
                else
                {
                    context = await TransitionAsync(db, instance, workflow, incident.Trigger, actor, payload, now, checkRoles: false, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
                return (Result(instance, incident.FromState), context);
            }, cancellationToken);
            wakeUp.After(context.ScheduledDueTimes);
            return result;
        }
        catch (ActivityFailure failure)
        {
            db.ChangeTracker.Clear();
            return await incidents.RecordTransitionFailureAsync(instance.Id, readVersion, incident.FromState, incident.Trigger,
                payload, failure, actor, null, now, cancellationToken, retriedIncident: incident.Id);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw await ConflictAsync(instance.Id, e);
        }
    }

    public async Task<WorkflowResult> CancelAsync(Guid instanceId, WorkflowActor actor, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var instance = await InstanceById(db, instanceId)
            ?? throw new WorkflowNotFoundException($"No procedure instance {instanceId} exists.");
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Faulted))
            throw new WorkflowNotRunningException(instance.Id, instance.Status);
        var now = time.GetUtcNow();
        try
        {
            return await InTransactionAsync(db, async () =>
            {
                await LeaveAsync(db, instance.Id, null, "cancelled", actor, now, forceAll: true, cancellationToken, WorkflowTaskStatus.Cancelled);
                var resolution = $"cancelled by {actor.DisplayName}: {reason}";
                await db.Set<Incident>()
                    .Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.Resolution, resolution), cancellationToken);
                instance.Status = InstanceStatus.Cancelled;
                instance.CompletedAt = now;
                instance.UpdatedAt = now;
                instance.Version++;
                db.Add(JournalEntries.For(instance, actor, now, JournalKind.Cancel, null, instance.State, instance.State, $"cancelled: {reason}"));
                await db.SaveChangesAsync(cancellationToken);
                return Result(instance, instance.State);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw await ConflictAsync(instance.Id, e);
        }
    }
}
