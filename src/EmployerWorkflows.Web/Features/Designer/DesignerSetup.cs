using EmployerWorkflows.Web.Features.Designer.Assets;
using EmployerWorkflows.Web.Features.Designer.Sandbox;
using EmployerWorkflows.Web.Features.Monitor;

namespace EmployerWorkflows.Web.Features.Designer;

public static class DesignerSetup
{
    public static WebApplicationBuilder AddDesigner(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Sandbox.SandboxRegistry>();
        builder.Services.AddScoped<DefinitionOverview>();
        builder.Services.AddScoped<Assets.AssetOverview>();
        builder.Services.AddScoped<Assets.AssetCommands>();
        return builder;
    }

    public static WebApplication MapDesignerAndMonitor(this WebApplication app)
    {
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        app.MapSandboxApi();
        app.MapAssetsApi();
        return app;
    }
}
