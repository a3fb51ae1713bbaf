using EmployerWorkflows.Web.Features.Designer.Sandbox;
using EmployerWorkflows.Web.Features.Monitor;

namespace EmployerWorkflows.Web.Features.Designer;

public static class DesignerSetup
{
    public static WebApplicationBuilder AddDesigner(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Sandbox.SandboxRegistry>();
        builder.Services.AddScoped<DefinitionOverview>();
        return builder;
    }

    public static WebApplication MapDesignerAndMonitor(this WebApplication app)
    {
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        app.MapSandboxApi();
        app.MapTemplatesApi();
        return app;
    }
}
