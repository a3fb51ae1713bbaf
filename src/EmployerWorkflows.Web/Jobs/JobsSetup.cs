using EmployerWorkflows.Infrastructure.Jobs;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Hangfire;
using Hangfire.PostgreSql;

namespace EmployerWorkflows.Web.Jobs;

/// <summary>
/// Hangfire runs every background duty: email delivery, timer sweeps, daily checks. The storage follows the
/// database provider: in memory on the embedded default (timers and outbox live in the database, so nothing is
/// lost with it), PostgreSQL when scaled out.
/// </summary>
public static class JobsSetup
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetDatabaseProvider();
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        builder.Services.AddSingleton<RefusedJobs>();
        builder.Services.AddRuntimeJobs();
        builder.Services.AddHangfire((services, config) =>
        {
            config.UseFilter(services.GetRequiredService<RefusedJobs>());
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.Postgres)
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(postgres),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            else
                config.UseInMemoryStorage();
        });
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", 2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            o.ServerName = ServerName(Environment.MachineName, Environment.ProcessId, Guid.NewGuid());
        });
        builder.Services.AddHealthChecks().AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// This node's name among Hangfire servers: machine, process and a random part, cut to the 40 characters Hangfire
    /// keeps. A short machine name and a low process id (PID 1 in a container) give fewer, and stay whole.
    /// </summary>
    public static string ServerName(string machineName, int processId, Guid instance)
    {
        var name = $"{machineName}:{processId}:{instance:N}";
        return name.Length > 40 ? name[..40] : name;
    }

    /// <summary>Registers the runtime's recurring jobs (timer sweep, outbox delivery) and the operators-only dashboard.</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddRecurringRuntimeJobs();
        app.MapHangfireDashboardWithAuthorizationPolicy(Roles.Operator, "/hangfire",
            new DashboardOptions { Authorization = [], AppPath = "/", DashboardTitle = "EmployerWorkflows — jobs" });
        return app;
    }
}
