using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// A human task opened by a <c>humanTask</c> activity: an inbox row for a role or a person. Its actions are
/// triggers of the state that opened it; leaving that state closes it.
/// </summary>
public sealed class WorkflowTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string DefinitionId { get; set; } = "";
    public Guid? CompanyId { get; set; }
    public string State { get; set; } = "";
    public string? ActivityId { get; set; }
    public string Form { get; set; } = "";
    /// <summary>Triggers offered as buttons, comma separated.</summary>
    public string Actions { get; set; } = "";
    public string? Role { get; set; }
    public string? AssigneeUserId { get; set; }
    public string? ClaimedByUserId { get; set; }
    public WorkflowTaskStatus Status { get; set; } = WorkflowTaskStatus.Open;
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a reviewer means to look at the task again (e.g. after phoning the company); set from the inbox.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }
    /// <summary>Trigger that closed the task (or <c>cancelled</c>).</summary>
    public string? Outcome { get; set; }
    public string TitleIt { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>The actions as a list.</summary>
    public IReadOnlyList<string> ActionList =>
        Actions.Length == 0 ? [] : Actions.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Lifecycle of a human task.</summary>
public enum WorkflowTaskStatus { Open = 0, Completed = 1, Cancelled = 2 }
