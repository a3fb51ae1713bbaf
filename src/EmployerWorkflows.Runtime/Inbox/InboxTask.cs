using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>A human task as the inbox shows it: a copy of its row, so readers never hold the runtime's entities.</summary>
public sealed record InboxTask(
    Guid Id, Guid InstanceId, string DefinitionId, Guid? CompanyId, string State, string? ActivityId, string Form,
    IReadOnlyList<string> Actions, string? Role, string? AssigneeUserId, string? ClaimedByUserId, WorkflowTaskStatus Status,
    TaskPriority Priority, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? Outcome,
    string TitleIt, string TitleEn, DateTimeOffset? FollowUpAt = null)
{
    public bool IsOpen => Status == WorkflowTaskStatus.Open;

    internal static InboxTask From(WorkflowTask t) => new(
        t.Id, t.InstanceId, t.DefinitionId, t.CompanyId, t.State, t.ActivityId, t.Form, t.ActionList, t.Role, t.AssigneeUserId,
        t.ClaimedByUserId, t.Status, t.Priority, t.DueAt, t.CreatedAt, t.ClosedAt, t.Outcome, t.TitleIt, t.TitleEn, t.FollowUpAt);
}

/// <summary>
/// Who is reading or working tasks: their user id and the task roles they hold. Members of a task's role, and the
/// person it is assigned to, may work it; nobody else sees it.
/// </summary>
public sealed record TaskReader(string UserId, IReadOnlySet<string> Roles)
{
    public bool CanWork(InboxTask task) =>
        (task.Role is not null && Roles.Contains(task.Role)) || (UserId.Length > 0 && task.AssigneeUserId == UserId);

    internal IQueryable<WorkflowTask> Visible(IQueryable<WorkflowTask> tasks)
    {
        var roles = Roles.ToList();
        var me = UserId;
        return tasks.Where(t => t.AssigneeUserId == me || (t.Role != null && roles.Contains(t.Role)));
    }
}
