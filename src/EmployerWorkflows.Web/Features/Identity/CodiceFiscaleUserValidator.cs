using EmployerWorkflows.Web.Domain.Identifiers;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>Every person is keyed by a valid codice fiscale, stored upper-case, which is also the user name.</summary>
internal sealed class CodiceFiscaleUserValidator : IUserValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var error = CodiceFiscale.Validate(user.CodiceFiscale);
        if (error is { } e)
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "InvalidCodiceFiscale",
                Description = e.For(Thread.CurrentThread.CurrentUICulture.Name),
            }));
        var cf = CodiceFiscale.Parse(user.CodiceFiscale).Value;
        if (user.CodiceFiscale != cf || !string.Equals(user.UserName, cf, StringComparison.Ordinal))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CodiceFiscaleNotNormalised",
                Description = "User name and codice fiscale must be the upper-case codice fiscale.",
            }));
        return Task.FromResult(IdentityResult.Success);
    }
}
