namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>Retry policy of the delivery job (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>After this many failed attempts the message is marked failed and reported.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Messages claimed together by one UPDATE.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>How long one node holds a claimed group while sending it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>First retry delay; each further retry doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(4);
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}
