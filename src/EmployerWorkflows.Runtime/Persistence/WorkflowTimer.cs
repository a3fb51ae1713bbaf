namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// A durable deadline or reminder. Written in the transaction of the transition that entered its state; the
/// sweep claims due rows (<see cref="ClaimedBy"/> until <see cref="ClaimExpiresAt"/>) and fires them, so a
/// restart or a second node neither loses nor repeats one.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>State that scheduled the timer; leaving it cancels the timer.</summary>
    public string State { get; set; } = "";
    public string? ActivityId { get; set; }
    public TimerKind Kind { get; set; }
    /// <summary>Trigger fired when a deadline is due (Kind Timer).</summary>
    public string? Trigger { get; set; }
    /// <summary>Email template of a reminder.</summary>
    public string? Template { get; set; }
    /// <summary>Recipient expression of a reminder.</summary>
    public string? To { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>ISO-8601 period between reminders.</summary>
    public string? Every { get; set; }
    /// <summary>Reminders sent so far.</summary>
    public int Count { get; set; }
    /// <summary>Maximum reminders; null repeats until the state is left.</summary>
    public int? MaxCount { get; set; }
    /// <summary>Trigger fired after the last reminder.</summary>
    public string? Escalate { get; set; }
    public TimerStatus Status { get; set; } = TimerStatus.Pending;
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}

public enum TimerKind { Timer = 0, Reminder = 1 }

public enum TimerStatus { Pending = 0, Fired = 1, Cancelled = 2 }
