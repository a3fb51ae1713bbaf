using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EmployerWorkflows.Web.Tests.Telemetry;

[Collection(HangfireCollection.Name)]
public sealed class OtlpExportTests : TelemetryHost
{
    private readonly OtlpCollector collector = new();

    protected override AppFactory CreateApp() =>
        AppFactory.OnSqlite().WithSetting("Telemetry:Otlp:Endpoint", collector.Endpoint);

    public override void Dispose()
    {
        base.Dispose();
        collector.Dispose();
    }

    private string ExportedSpans()
    {
        Assert.True(App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "The trace exporter did not flush.");
        return string.Join("\n", collector.TextsOn("/v1/traces"));
    }

    [Fact]
    public async Task Export_SendsStartSpan_WithDefinitionTag()
    {
        await PublishAsync(Deadline);
        var started = await StartAsync("telemetry-deadline");

        var spans = ExportedSpans();

        Assert.Contains("workflow.start", spans);
        Assert.Contains(started.InstanceId.ToString(), spans);
        Assert.Contains("telemetry-deadline", spans);
    }

    [Fact]
    public async Task Export_SendsRequestAndDatabaseSpans_WhenPageIsServed()
    {
        var client = await OperatorAsync();
        await client.GetStringAsync("/monitor");

        var spans = ExportedSpans();

        Assert.Contains("Microsoft.AspNetCore", spans);
        Assert.Contains("/monitor", spans);
        Assert.Contains("OpenTelemetry.Instrumentation.EntityFrameworkCore", spans);
    }
}
