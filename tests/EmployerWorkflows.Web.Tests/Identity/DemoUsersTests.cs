using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Identity;

public sealed class DemoUsersTests
{
    [Fact]
    public async Task Seed_CreatesOneUserPerRoleAndALegalRepresentative_InDevelopment()
    {
        using var app = AppFactory.OnSqlite();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
            Assert.Single(await users.GetUsersInRoleAsync(role));
        Assert.NotNull(await users.FindByNameAsync(DemoUsers.All.Single(u => u.Role is null).CodiceFiscale));
    }

    [Fact]
    public async Task Seed_DoesNotRun_InProduction()
    {
        using var app = AppFactory.OnSqlite(environment: "Production");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }
}
