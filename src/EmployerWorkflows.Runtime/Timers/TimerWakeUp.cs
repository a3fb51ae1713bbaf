using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>
/// After a commit that scheduled timers, asks Hangfire (when the host registered an <see cref="IBackgroundJobClient"/>)
/// to run a sweep at the earliest due time, so deadlines fire on time rather than at the next recurring sweep. The
/// timer rows stay the truth: a lost one-off job only delays a timer until the recurring sweep.
/// </summary>
public sealed class TimerWakeUp(IServiceProvider services)
{
    private readonly IBackgroundJobClient? _jobs = services.GetService<IBackgroundJobClient>();

    internal void After(IReadOnlyList<DateTimeOffset> dueTimes)
    {
        if (_jobs is null || dueTimes.Count == 0)
            return;
        _jobs.Schedule<TimerSweepJob>(job => job.RunAsync(CancellationToken.None), dueTimes.Min());
    }
}
