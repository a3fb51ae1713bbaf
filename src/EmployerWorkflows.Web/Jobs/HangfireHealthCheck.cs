using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployerWorkflows.Web.Jobs;

/// <summary>Ready when the job storage answers and at least one server has sent a heartbeat lately.</summary>
/// <remarks>Heartbeats are stamped by Hangfire with the machine clock, so they are compared with it too.</remarks>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var recent = servers.Count(s => s.Heartbeat is { } h && DateTime.UtcNow - h < TimeSpan.FromMinutes(2));
            return Task.FromResult(recent > 0
                ? HealthCheckResult.Healthy($"{recent} job server(s) running")
                : HealthCheckResult.Unhealthy("No job server has reported in the last 2 minutes."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage unavailable.", ex));
        }
    }
}
