using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// The host's say on whether a person may act on a company's procedure at all, asked inside the transition's
/// transaction on every way a step is fired by a person (task API, task page, dedicated route), and when the
/// permitted actions are listed. People and their ties to companies are the host's, so the engine only asks.
/// </summary>
public interface IActorAdmission
{
    /// <summary>
    /// Null when the actor may act on <paramref name="instance"/>; otherwise why not. The host may add journal
    /// entries to <paramref name="db"/> (they commit with the transition) when <paramref name="record"/> is true.
    /// </summary>
    Task<LocalizedText?> RefusalAsync(DbContext db, WorkflowInstance instance, WorkflowActor actor, string trigger, DateTimeOffset now,
        bool record, CancellationToken cancellationToken);
}

/// <summary>The default when the host has no ties to check: every actor the definition's roles admit may act.</summary>
public sealed class AdmitEveryActor : IActorAdmission
{
    public Task<LocalizedText?> RefusalAsync(DbContext db, WorkflowInstance instance, WorkflowActor actor, string trigger, DateTimeOffset now,
        bool record, CancellationToken cancellationToken) => Task.FromResult<LocalizedText?>(null);
}

/// <summary>The host refused the actor on this procedure (e.g. a revoked or expired delegation): nothing was changed.</summary>
public sealed class ActorNotAdmittedException(Guid instanceId, LocalizedText reason)
    : WorkflowException($"The actor may not act on procedure {instanceId}: {reason.En}")
{
    public Guid InstanceId { get; } = instanceId;
    public LocalizedText Reason { get; } = reason;
}
