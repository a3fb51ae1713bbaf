using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>No such task, or not one the reader may work: the two look the same, so tasks of others stay unseen.</summary>
public sealed class TaskNotFoundException(Guid taskId) : WorkflowException($"Task {taskId} not found.")
{
    public Guid TaskId { get; } = taskId;
}

/// <summary>The task was completed or cancelled before this request.</summary>
public sealed class TaskClosedException(Guid taskId, string? outcome) : WorkflowException($"Task {taskId} is closed ({outcome}).")
{
    public string? Outcome { get; } = outcome;
}

/// <summary>The action is not one the task offers.</summary>
public sealed class TaskActionNotOfferedException(string action, IReadOnlyList<string> actions)
    : WorkflowException($"Action '{action}' is not offered by this task.")
{
    public IReadOnlyList<string> Actions { get; } = actions;
}

/// <summary>A page cursor that this inbox did not write.</summary>
public sealed class InboxCursorInvalidException(string cursor) : WorkflowException($"Unreadable inbox cursor '{cursor}'.");
