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

/// <summary>
/// The payload breaks the step's input contract: required fields missing or empty, fields the step does not accept,
/// values of the wrong type, documents not uploaded to the instance by the caller, or protected variables.
/// </summary>
public sealed class PayloadInvalidException : WorkflowException
{
    public PayloadInvalidException(string trigger, IReadOnlyList<string> missingFields)
        : this(trigger, missingFields.ToDictionary(f => f, _ => FieldMessages.Required, StringComparer.Ordinal))
    {
    }

    /// <param name="errors">Field path → what is wrong with it, in Italian and English.</param>
    public PayloadInvalidException(string trigger, IReadOnlyDictionary<string, LocalizedText> errors)
        : base($"'{trigger}' does not accept this payload: " +
               string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value.En}")) + ".")
    {
        Errors = errors;
        MissingFields = errors.Where(e => e.Value == FieldMessages.Required).Select(e => e.Key).ToList();
    }

    /// <summary>Every refused field with its message.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Errors { get; }

    /// <summary>The fields refused only because they are missing or empty.</summary>
    public IReadOnlyList<string> MissingFields { get; }
}

/// <summary>
/// A check of the step (an operation in the transition's <c>run</c>, or in an entry activity) refused it: nothing of
/// the transition is kept, no incident is recorded, and the caller gets the field errors.
/// </summary>
/// <param name="errors">Field path → why, in Italian and English; the empty key is about the step as a whole.</param>
public sealed class StepRefusedException(IReadOnlyDictionary<string, LocalizedText> errors)
    : WorkflowException("The step was refused: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value.En}")) + ".")
{
    public IReadOnlyDictionary<string, LocalizedText> Errors { get; } = errors;

    /// <summary>A refusal about one field.</summary>
    public static StepRefusedException Field(string field, string italian, string english) =>
        new(new Dictionary<string, LocalizedText> { [field] = new(italian, english) });
}

/// <summary>Messages of the input contract, in Italian and English.</summary>
public static class FieldMessages
{
    public static readonly LocalizedText Required = new("Campo obbligatorio.", "This field is required.");
    public static readonly LocalizedText Unknown = new("Questo passo non prevede questo campo.", "This step does not accept this field.");
    public static readonly LocalizedText Protected = new("Questo dato è fissato dalla procedura e non si può cambiare.",
        "This value is set by the procedure and cannot be changed.");
    public static readonly LocalizedText NotADocument = new("Indica un documento che hai caricato per questa pratica.",
        "Give a document you uploaded to this procedure.");
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
    /// <summary>What the activity reported, without the activity's name around it (the incident's message).</summary>
    public string Reason { get; } = message;
}
