using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Base of the runtime's typed errors; messages are readable by the person who acted.</summary>
public abstract class WorkflowException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No such instance, definition or version.</summary>
public class WorkflowNotFoundException(string message) : WorkflowException(message);

/// <summary>
/// No version of the procedure is published (never, or every one was retired): it takes no new requests until a
/// designer publishes one.
/// </summary>
public sealed class NoPublishedVersionException(string definitionId)
    : WorkflowNotFoundException($"No published version of '{definitionId}' exists: it takes no new requests.")
{
    public string DefinitionId { get; } = definitionId;
}

/// <summary>The trigger cannot be fired now by this actor.</summary>
/// <param name="definition">The instance's definition, so messages can name the state and actions by their titles.</param>
public sealed class TriggerNotPermittedException(string trigger, string state, IReadOnlyList<string> permitted, WorkflowDefinition? definition = null)
    : WorkflowException(
        $"'{trigger}' is not possible in state '{state}'. " +
        (permitted.Count == 0 ? "No action is possible now." : $"Possible now: {string.Join(", ", permitted)}."))
{
    public string Trigger { get; } = trigger;
    public string State { get; } = state;
    public IReadOnlyList<string> PermittedTriggers { get; } = permitted;

    /// <summary>The state's title (a readable form of its name without a definition).</summary>
    public LocalizedText StateTitle { get; } = definition?.StateTitle(state) ?? TriggerTitles.Humanise(state);

    /// <summary>Titles of <see cref="PermittedTriggers"/>, in the same order.</summary>
    public IReadOnlyList<LocalizedText> PermittedTitles { get; } =
        permitted.Select(p => definition?.TriggerTitle(p, state) ?? TriggerTitles.Humanise(p)).ToList();
}

/// <summary>Someone else acted on the instance first (stale expected version or concurrent update).</summary>
public sealed class WorkflowConflictException(Guid instanceId, string currentState, long currentVersion, Exception? inner = null)
    : WorkflowException(
        $"Someone else acted on this procedure first: it is now in state '{currentState}' (version {currentVersion}). " +
        "Reload it and try again if still needed.", inner)
{
    public Guid InstanceId { get; } = instanceId;
    public string CurrentState { get; } = currentState;
    public long CurrentVersion { get; } = currentVersion;
}

/// <summary>Required payload fields are missing or empty.</summary>
public sealed class PayloadInvalidException(string trigger, IReadOnlyList<string> missingFields)
    : WorkflowException($"'{trigger}' needs these fields: {string.Join(", ", missingFields)}.")
{
    public IReadOnlyList<string> MissingFields { get; } = missingFields;
}

/// <summary>The instance is completed, cancelled or faulted, so it cannot take this command.</summary>
public sealed class WorkflowNotRunningException(Guid instanceId, Persistence.InstanceStatus status)
    : WorkflowException($"The procedure {instanceId} is {status.ToString().ToLowerInvariant()}, so it cannot do this.")
{
    public Persistence.InstanceStatus Status { get; } = status;
}

/// <summary>A migration request is invalid; <see cref="Problems"/> lists every problem.</summary>
public sealed class MigrationInvalidException(IReadOnlyList<string> problems)
    : WorkflowException("The migration cannot be done: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// An activity failed while the command ran on a caller's unit of work. Nothing of the transition was saved and
/// no incident is recorded, because the caller's own change fails with it; discard the DbContext.
/// </summary>
public sealed class WorkflowActivityFailedException(string? activityId, string activityKind, string message, Exception? inner)
    : WorkflowException($"Activity {activityId ?? activityKind} ({activityKind}) failed: {message}", inner)
{
    public string? ActivityId { get; } = activityId;
    public string ActivityKind { get; } = activityKind;
}
