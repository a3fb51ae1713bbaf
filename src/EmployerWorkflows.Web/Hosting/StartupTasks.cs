using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Staff;

namespace EmployerWorkflows.Web.Hosting;

public static class StartupTasks
{
    /// <summary>Migrations, roles, saved templates and forms, changed workflow definitions, and in Development only the demo users.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync();
        await DemoUsers.EnsureRolesAsync(app.Services);
        await FirstAdministrator.EnsureAsync(app.Services, app.Configuration, app.Services.GetRequiredService<TimeProvider>());
        await app.LoadSavedAssetsAsync();
        await app.ImportWorkflowDefinitionsAsync();
        if (app.Environment.IsDevelopment())
            await DemoUsers.SeedAsync(app.Services, app.Configuration["DemoData:Password"] ?? "Demo-Passw0rd!",
                app.Services.GetRequiredService<TimeProvider>());
    }
}
