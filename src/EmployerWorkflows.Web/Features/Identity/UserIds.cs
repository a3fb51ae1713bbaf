using System.Security.Claims;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>The one way to read who is logged in.</summary>
public static class UserIds
{
    /// <summary>The Identity user id, or null for an anonymous caller.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
