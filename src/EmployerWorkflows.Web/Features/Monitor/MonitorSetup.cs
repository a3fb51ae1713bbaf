namespace EmployerWorkflows.Web.Features.Monitor;

public static class MonitorSetup
{
    public static WebApplicationBuilder AddMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InstanceSearch>();
        builder.Services.AddScoped<InstanceLookup>();
        builder.Services.AddScoped<MigrationTargets>();
        builder.Services.AddScoped<OperatorCommands>();
        builder.Services.AddSingleton<SecretMask>();
        return builder;
    }

    public static WebApplication MapMonitor(this WebApplication app)
    {
        app.MapInstancesApi();
        return app;
    }
}
