namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>How outbox mail leaves the system (configuration section <c>Smtp</c>).</summary>
public sealed class MailOptions
{
    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@employerworkflows.local";
    public string FromName { get; set; } = "EmployerWorkflows";
    public string? PickupDirectory { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpSecurity { None, StartTls, StartTlsWhenAvailable, SslOnConnect }

/// <summary>Retry policy of the delivery job (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>After this many failed attempts the message is marked failed and reported.</summary>
    public int MaxAttempts { get; set; } = 8;
    public int BatchSize { get; set; } = 50;
    /// <summary>How long one node holds a message while sending it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>First retry delay; each further retry doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(4);
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}
