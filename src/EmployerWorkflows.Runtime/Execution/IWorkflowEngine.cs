using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Runs workflow instances. Each command is one transaction: state, journal, tasks, timers and outbox messages
/// commit together or not at all. Overloads taking a <see cref="DbContext"/> run on the caller's unit of work, so
/// a domain change and a workflow step commit together: the engine saves the caller's pending changes with its own
/// and commits, unless the caller has begun a transaction, which the caller then commits.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>Starts an instance; an activity failure returns a Faulted result with an incident.</summary>
    Task<WorkflowResult> StartAsync(StartWorkflow command, CancellationToken cancellationToken = default);

    /// <summary>Starts an instance on the caller's unit of work; an activity failure throws <see cref="WorkflowActivityFailedException"/>.</summary>
    Task<WorkflowResult> StartAsync(DbContext db, StartWorkflow command, CancellationToken cancellationToken = default);

    /// <summary>Fires a trigger; an activity failure returns a Faulted result with an incident.</summary>
    /// <exception cref="WorkflowNotFoundException">No such instance.</exception>
    /// <exception cref="TriggerNotPermittedException">Not possible now, or not for this actor.</exception>
    /// <exception cref="WorkflowConflictException">Stale expected version, or someone else acted concurrently.</exception>
    /// <exception cref="PayloadInvalidException">Required fields missing.</exception>
    /// <exception cref="WorkflowNotRunningException">Completed, cancelled or faulted.</exception>
    Task<WorkflowResult> FireAsync(FireTrigger command, CancellationToken cancellationToken = default);

    /// <summary>Fires a trigger on the caller's unit of work; an activity failure throws <see cref="WorkflowActivityFailedException"/>.</summary>
    Task<WorkflowResult> FireAsync(DbContext db, FireTrigger command, CancellationToken cancellationToken = default);

    /// <summary>Triggers the actor may fire now (roles and guards checked), with the fields each one requires.</summary>
    Task<IReadOnlyList<PermittedAction>> GetPermittedActionsAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Runs the failed transition of an incident again (guards re-checked, roles not: the operator acts for the system).</summary>
    Task<WorkflowResult> RetryAsync(Guid incidentId, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Cancels a running or faulted instance, its open tasks, pending timers and open incidents.</summary>
    Task<WorkflowResult> CancelAsync(Guid instanceId, WorkflowActor actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Moves an instance to another published version; throws <see cref="MigrationInvalidException"/> listing problems.</summary>
    Task<WorkflowResult> MigrateAsync(MigrateInstance command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a migration without changing anything: the problems <see cref="MigrateAsync"/> would refuse it for,
    /// empty when it can run.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No such instance.</exception>
    /// <exception cref="WorkflowNotRunningException">Completed, cancelled or faulted.</exception>
    Task<IReadOnlyList<MigrationProblem>> CheckMigrationAsync(MigrateInstance command, CancellationToken cancellationToken = default);
}
