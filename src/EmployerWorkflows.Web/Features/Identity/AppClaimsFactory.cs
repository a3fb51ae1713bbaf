using System.Security.Claims;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>
/// Adds the person's display name to the login cookie, so histories and emails name people without a lookup, and
/// their stored language, so a request knows without a lookup whether the browser now asks for another one.
/// </summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkflowActors.DisplayNameClaim, user.DisplayName.Length > 0 ? user.DisplayName : user.CodiceFiscale));
        identity.AddClaim(new Claim(Localization.RememberedLanguage.ClaimType, user.PreferredLanguage));
        if (user.MustChangePassword) identity.AddClaim(new Claim(ForcedPasswordChange.Claim, "true"));
        return identity;
    }
}
