using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Incidents;

/// <summary>
/// Faults an instance and records its incident in a transaction of its own, after the failed transition was
/// rolled back: the failure leaves no half-done step, only the incident and the Faulted status.
/// </summary>
public sealed class IncidentRecorder(IWorkflowDbContextFactory contexts)
{
    internal async Task<WorkflowResult> RecordTransitionFailureAsync(
        Guid instanceId, long readVersion, string fromState, string? trigger, JsonObject? payload, ActivityFailure failure,
        WorkflowActor actor, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken, Guid? retriedIncident = null)
    {
        await using var db = contexts.CreateDbContext();
        return await RecordTransitionFailureAsync(db, instanceId, readVersion, fromState, trigger, payload, failure, actor,
            idempotencyKey, now, cancellationToken, retriedIncident);
    }

    /// <summary>
    /// Records the failure on <paramref name="db"/>, in its current transaction if it has one: the timer sweep
    /// records a timer's incident inside the group of timers it commits together.
    /// </summary>
    internal async Task<WorkflowResult> RecordTransitionFailureAsync(
        DbContext db, Guid instanceId, long readVersion, string fromState, string? trigger, JsonObject? payload, ActivityFailure failure,
        WorkflowActor actor, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken, Guid? retriedIncident = null)
    {
        var instance = await db.Set<WorkflowInstance>().FirstAsync(i => i.Id == instanceId, cancellationToken);
        if (instance.Version != readVersion)
            throw new WorkflowConflictException(instance.Id, instance.State, instance.Version);
        instance.Status = InstanceStatus.Faulted;
        instance.UpdatedAt = now;
        instance.Version++;
        if (retriedIncident is { } retried)
        {
            // The retry's own entry went with its rolled-back transaction; the attempt stays in the audit trail.
            db.Add(JournalEntries.For(instance, actor, now, JournalKind.Retry, trigger, fromState, fromState,
                $"retry of incident {retried} failed again"));
        }

        var incident = Add(db, instance, fromState, trigger, payload, failure, actor, now);
        if (retriedIncident is { } previous)
        {
            var old = await db.Set<Incident>().FirstAsync(i => i.Id == previous, cancellationToken);
            old.ResolvedAt = now;
            old.Resolution = $"retried by {actor.DisplayName}; failed again, see incident {incident.Id}";
        }
        return await SaveAsync(db, instance, incident, idempotencyKey, fromState, now, cancellationToken);
    }

    internal async Task<WorkflowResult> RecordStartFailureAsync(
        WorkflowInstance instance, ActivityFailure failure, WorkflowActor actor, string? idempotencyKey,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        instance.Status = InstanceStatus.Faulted;
        db.Add(instance);
        db.Add(JournalEntries.For(instance, actor, now, JournalKind.Started, null, null, instance.State, "started"));
        var incident = Add(db, instance, instance.State, null, null, failure, actor, now);
        return await SaveAsync(db, instance, incident, idempotencyKey, null, now, cancellationToken);
    }

    private static Incident Add(
        DbContext db, WorkflowInstance instance, string fromState, string? trigger, JsonObject? payload,
        ActivityFailure failure, WorkflowActor actor, DateTimeOffset now)
    {
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instance.Id,
            ActivityId = failure.ActivityId,
            ActivityKind = failure.ActivityKind,
            Message = failure.Message.Length > 4000 ? failure.Message[..3999] + "…" : failure.Message,
            FromState = fromState,
            Trigger = trigger,
            PayloadJson = payload?.ToJsonString(),
            ActorUserId = actor.UserId,
            At = now,
        };
        db.Add(incident);
        WorkflowTelemetry.IncidentRecorded(instance, failure.ActivityKind);
        db.Add(JournalEntries.For(instance, actor, now, JournalKind.Incident, trigger, fromState, instance.State,
            $"{failure.ActivityKind} {failure.ActivityId} failed: {incident.Message}"));
        return incident;
    }

    private static async Task<WorkflowResult> SaveAsync(
        DbContext db, WorkflowInstance instance, Incident incident, string? idempotencyKey, string? fromState,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new WorkflowResult(instance.Id, fromState, instance.State, instance.Status, instance.Version, incident.Id);
        WorkflowEngine.Remember(db, idempotencyKey, result, now);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
