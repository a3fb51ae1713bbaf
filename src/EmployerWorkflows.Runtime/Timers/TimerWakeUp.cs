using EmployerWorkflows.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>
/// After a commit that scheduled timers, asks the host's job system (when it registered an
/// <see cref="IRuntimeJobScheduler"/>) to run a sweep at the earliest due time, so deadlines fire on time rather than
/// at the next recurring sweep. The timer rows stay the truth: a lost one-off job only delays a timer until the
/// recurring sweep.
/// </summary>
public sealed class TimerWakeUp(IServiceProvider services)
{
    private readonly IRuntimeJobScheduler? _jobs = services.GetService<IRuntimeJobScheduler>();

    internal void After(IReadOnlyList<DateTimeOffset> dueTimes)
    {
        if (_jobs is null || dueTimes.Count == 0)
            return;
        _jobs.ScheduleTimerSweep(dueTimes.Min());
    }
}
