using EmployerWorkflows.Runtime.Hosting;
using Hangfire;

namespace EmployerWorkflows.Infrastructure.Jobs;

/// <summary>The runtime's one-off duties as Hangfire jobs.</summary>
public sealed class HangfireRuntimeJobs(IBackgroundJobClient jobs) : IRuntimeJobScheduler
{
    public void ScheduleTimerSweep(DateTimeOffset at) =>
        jobs.Schedule<TimerSweepJob>(job => job.RunAsync(CancellationToken.None), at);

    public void EnqueueOutboxDelivery() =>
        jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(CancellationToken.None));
}
