namespace EmployerWorkflows.Runtime.Hosting;

/// <summary>
/// How the runtime asks the host's background-job system to run its duties sooner than their recurring schedule.
/// Optional: without one, due timers and queued mail wait for the host's recurring runs, and nothing is lost, since
/// the rows in the database are the truth.
/// </summary>
public interface IRuntimeJobScheduler
{
    /// <summary>Runs a timer sweep at <paramref name="at"/> (or soon after).</summary>
    void ScheduleTimerSweep(DateTimeOffset at);

    /// <summary>Runs an outbox delivery as soon as a worker is free.</summary>
    void EnqueueOutboxDelivery();
}
