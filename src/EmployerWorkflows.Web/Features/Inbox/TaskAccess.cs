using System.Security.Claims;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>Who may work a task: members of its role, or the person it is assigned to.</summary>
public static class TaskAccess
{
    public static bool CanWork(this WorkflowTask task, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return (task.Role is not null && user.IsInRole(task.Role)) || (userId is not null && task.AssigneeUserId == userId);
    }

    /// <summary>Open tasks of the user's roles and those assigned to them.</summary>
    public static IQueryable<WorkflowTask> VisibleTo(this IQueryable<WorkflowTask> tasks, ClaimsPrincipal user, IEnumerable<string> allRoles)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var roles = allRoles.Where(user.IsInRole).ToList();
        return tasks.Where(t => t.AssigneeUserId == userId || (t.Role != null && roles.Contains(t.Role)));
    }
}
