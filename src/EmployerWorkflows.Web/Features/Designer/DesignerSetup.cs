using EmployerWorkflows.Web.Features.Monitor;

namespace EmployerWorkflows.Web.Features.Designer;

public static class DesignerSetup
{
    public static WebApplication MapDesignerAndMonitor(this WebApplication app)
    {
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        return app;
    }
}
