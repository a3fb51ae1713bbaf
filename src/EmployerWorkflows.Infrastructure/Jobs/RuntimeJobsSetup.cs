using EmployerWorkflows.Runtime.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmployerWorkflows.Infrastructure.Jobs;

/// <summary>Runs the runtime's background duties (timer sweep, outbox delivery) on Hangfire.</summary>
public static class RuntimeJobsSetup
{
    /// <summary>
    /// Registers the job classes and the <see cref="IRuntimeJobScheduler"/> over the host's
    /// <see cref="IBackgroundJobClient"/>; the host configures Hangfire's storage and server.
    /// </summary>
    public static IServiceCollection AddRuntimeJobs(this IServiceCollection services)
    {
        services.TryAddScoped<TimerSweepJob>();
        services.TryAddTransient<OutboxDeliveryJob>();
        services.TryAddSingleton<IRuntimeJobScheduler, HangfireRuntimeJobs>();
        return services;
    }

    /// <summary>The timer sweep and the outbox delivery, every minute by default.</summary>
    public static void AddRecurringRuntimeJobs(this IRecurringJobManager jobs, string cron = "* * * * *")
    {
        jobs.AddOrUpdate<TimerSweepJob>(TimerSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cron);
        jobs.AddOrUpdate<OutboxDeliveryJob>(OutboxDeliveryJob.RecurringId, job => job.RunAsync(CancellationToken.None), cron);
    }
}
