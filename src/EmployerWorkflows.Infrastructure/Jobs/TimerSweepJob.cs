using EmployerWorkflows.Runtime.Timers;
using Hangfire;

namespace EmployerWorkflows.Infrastructure.Jobs;

/// <summary>The Hangfire job that runs <see cref="TimerSweep"/>; safe to run on several nodes at once.</summary>
public sealed class TimerSweepJob(TimerSweep sweep)
{
    public const string RecurringJobId = "workflow-timer-sweep";

    // The next sweep is the retry; claims of a failed run expire by themselves.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}
