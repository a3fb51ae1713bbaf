namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Raised inside a transition when an activity (or a guard) fails, so the engine can roll the transition back and
/// record an incident naming the activity.
/// </summary>
internal sealed class ActivityFailure(string? activityId, string activityKind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string? ActivityId { get; } = activityId;
    public string ActivityKind { get; } = activityKind;

    public WorkflowActivityFailedException ToPublic() => new(ActivityId, ActivityKind, Message, InnerException);
}
