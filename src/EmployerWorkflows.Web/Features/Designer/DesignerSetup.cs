using EmployerWorkflows.Web.Features.Designer.Assets;
using EmployerWorkflows.Web.Features.Designer.Sandbox;

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

    public static WebApplication MapDesigner(this WebApplication app)
    {
        app.MapDefinitionsApi();
        app.MapSandboxApi();
        app.MapAssetsApi();
        return app;
    }
}
