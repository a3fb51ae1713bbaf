using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>A person holding every agency role, so that role checks let requests reach the body they carry.</summary>
public static class AllRolesPerson
{
    public static async Task<string> CreateAsync(WebApplicationFactory<Program> app, string surnameCode = "TTTRLS")
    {
        var body = $"{surnameCode}80A01H501";
        var cf = body + CodiceFiscale.CheckCharacter(body);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = "Tutti", LastName = "Ruoli", Email = "tutti.ruoli@example.org",
            LastLoginAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, TestClients.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRolesAsync(user, Roles.All)).Succeeded);
        return cf;
    }
}
