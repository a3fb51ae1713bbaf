using Hangfire;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>The Hangfire job that runs <see cref="TimerSweep"/>; safe to run on several nodes at once.</summary>
public sealed class TimerSweepJob(TimerSweep sweep)
{
    /// <summary>Id of the recurring job registered by <see cref="RegisterRecurring"/>.</summary>
    public const string RecurringJobId = "workflow-timer-sweep";

    /// <summary>Claims and fires the due timers. Hangfire passes its own cancellation token.</summary>
    [AutomaticRetry(Attempts = 0)] // the next sweep is the retry; failed claims expire by themselves
    public async Task RunAsync(CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);

    /// <summary>Registers the recurring sweep, every minute by default.</summary>
    public static void RegisterRecurring(IRecurringJobManager jobs, string cron = "* * * * *") =>
        jobs.AddOrUpdate<TimerSweepJob>(RecurringJobId, job => job.RunAsync(CancellationToken.None), cron);
}
