using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Staff;

/// <summary>
/// Outside Development nobody exists at first, so the first administrator comes from configuration
/// (<c>FirstAdministrator:*</c>). It is made only while no administrator exists, so removing the keys afterwards
/// changes nothing, and a wrong value stops the start with a message rather than leaving an instance nobody can run.
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, TimeProvider clock)
    {
        var section = configuration.GetSection("FirstAdministrator");
        var rawCf = section["CodiceFiscale"];
        if (string.IsNullOrWhiteSpace(rawCf)) return;
        if (CodiceFiscale.Validate(rawCf) is { } error)
            throw new InvalidOperationException($"FirstAdministrator:CodiceFiscale is not valid: {error.For("en")}");
        var cf = CodiceFiscale.Parse(rawCf).Value;

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return;

        var password = section["Password"];
        var user = await users.FindByNameAsync(cf);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = cf, CodiceFiscale = cf, FirstName = section["FirstName"] ?? "", LastName = section["LastName"] ?? "",
                Email = section["Email"], CreatedAt = clock.GetUtcNow(),
                // Without a password the administrator signs in through the gateway; with one, they replace it first.
                RequireGateway = string.IsNullOrEmpty(password), MustChangePassword = !string.IsNullOrEmpty(password),
            };
            Ensure(string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        }
        Ensure(await users.AddToRoleAsync(user, Roles.Administrator));
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("FirstAdministrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
