using EmployerWorkflows.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>
/// Every request with a login cookie reads the account's security stamp and disabled date (one small query) and
/// ends the session when the account is gone, disabled, or its stamp changed (disabling, requiring the gateway, a
/// password change). It runs on every request whatever the clock says, unlike Identity's own validator, which skips
/// the check until some time has passed since the cookie was issued and rebuilds the whole principal when it checks.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var account = id is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.DisabledAt })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is { DisabledAt: null } && stamp is not null && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
