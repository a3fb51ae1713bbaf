using System.Security.Claims;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>The logged-in person as the task inbox sees them: user id and the task roles they hold.</summary>
public static class TaskReaders
{
    public static TaskReader For(ClaimsPrincipal user) =>
        new(user.UserId() ?? "", Roles.Tasks.Where(user.IsInRole).ToHashSet());
}
