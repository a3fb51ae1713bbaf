namespace EmployerWorkflows.Infrastructure.Mail;

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
    /// <summary>
    /// Where replies go, by template: an email that asks for an answer (e.g. <c>kae-ffe-request</c>) names a mailbox someone
    /// reads, since <see cref="From"/> is a no-reply sender.
    /// </summary>
    public Dictionary<string, string> ReplyTo { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public enum SmtpSecurity { None, StartTls, StartTlsWhenAvailable, SslOnConnect }
