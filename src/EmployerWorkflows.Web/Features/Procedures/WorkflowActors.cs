using System.Security.Claims;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>The logged-in person as the runtime sees them: user id, codice fiscale, name and agency roles.</summary>
public static class WorkflowActors
{
    public const string DisplayNameClaim = "ew:display_name";

    public static WorkflowActor From(ClaimsPrincipal user, Guid? companyId = null)
    {
        var userId = user.UserId()
                     ?? throw new InvalidOperationException("Only an authenticated user can act on a procedure.");
        var roles = Roles.All.Where(user.IsInRole).ToHashSet();
        return new WorkflowActor(userId, user.Identity?.Name, user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? userId,
            roles, companyId);
    }
}
