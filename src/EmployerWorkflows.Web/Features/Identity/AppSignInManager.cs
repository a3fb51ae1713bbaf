using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>
/// A disabled person cannot sign in by any way, and a session they already hold ends at its next request: the
/// cookie is checked against the stored account on every request (see <see cref="SessionCheck"/>).
/// </summary>
internal sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DisabledAt: null } ? user : null;
    }
}
