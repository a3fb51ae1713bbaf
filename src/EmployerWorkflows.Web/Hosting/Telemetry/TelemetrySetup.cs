using EmployerWorkflows.Runtime.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EmployerWorkflows.Web.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for operators: the runtime's meter and spans, ASP.NET Core, EF Core and outgoing HTTP. Metrics
/// are always on the Prometheus scrape endpoint (<see cref="ScrapeGate"/> decides who may read it); metrics and
/// traces also go over OTLP when an endpoint is configured. Without OTLP no span is recorded at all, since nothing
/// would read it.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "EmployerWorkflows";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<WorkflowGauges>();
        if (settings.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorkflowTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (settings.PrometheusEnabled)
                {
                    // Every scrape sees the values of that moment: gauges read the database when asked.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (settings.OtlpEnabled)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path, settings))
                .AddEntityFrameworkCoreInstrumentation()
                .AddHttpClientInstrumentation());
            if (settings.OtlpEndpoint is { } endpoint)
                otel.UseOtlpExporter(settings.OtlpProtocol, endpoint);
            else
                otel.UseOtlpExporter(); // the standard OTEL_EXPORTER_OTLP_* variables say where and how
        }
        return builder;
    }

    /// <summary>The scrape endpoint and the gauges, which exist from start-up so the first scrape already has them.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<WorkflowGauges>();
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (settings.PrometheusEnabled)
        {
            var gate = new ScrapeGate(settings);
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath, meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(gate.InvokeAsync), optionsName: null);
        }
        return app;
    }

    /// <summary>Health probes and scrapes come every few seconds and say nothing about the work: no spans for them.</summary>
    private static bool IsPlumbing(PathString path, TelemetrySettings settings) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(settings.PrometheusPath);
}
