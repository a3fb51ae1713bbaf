using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>
/// Development data: one person per agency role and a company legal representative, all with synthetic codici
/// fiscali. Runs only in the Development environment; the password comes from <c>DemoData:Password</c>.
/// </summary>
public static class DemoUsers
{
    public sealed record DemoUser(string CodiceFiscale, string FirstName, string LastName, string? Role);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("RVWMRA80A01H501H", "Mario", "Revisori", Roles.AgencyReviewer),
        new("HLPDSK82B02F205B", "Paolo", "Assistenza", Roles.HelpDesk),
        new("SCDSKE85C03A944L", "Sara", "Sportello", Roles.SecoDesk),
        new("DSGPRC88D44H501C", "Diana", "Processi", Roles.ProcessDesigner),
        new("PRTOPR79E05F205J", "Pietro", "Operatore", Roles.Operator),
        new("MMNSTR80A01H501J", "Marta", "Amministratrice", Roles.Administrator),
        new("LGLRPP75H06A944H", "Lucia", "Legale", null),
    ];

    public static async Task SeedAsync(IServiceProvider services, string password, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Ensure(await roles.CreateAsync(new IdentityRole(role)));
        foreach (var demo in All)
        {
            if (await users.FindByNameAsync(demo.CodiceFiscale) is not null) continue;
            var user = new AppUser
            {
                UserName = demo.CodiceFiscale,
                CodiceFiscale = demo.CodiceFiscale,
                FirstName = demo.FirstName,
                LastName = demo.LastName,
                Email = $"{demo.FirstName.ToLowerInvariant()}.{demo.LastName.ToLowerInvariant()}@example.org",
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow(),
            };
            Ensure(await users.CreateAsync(user, password));
            if (demo.Role is not null) Ensure(await users.AddToRoleAsync(user, demo.Role));
        }
    }

    /// <summary>Roles exist in every environment: they are part of the product, not demo data.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Ensure(await roles.CreateAsync(new IdentityRole(role)));
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
