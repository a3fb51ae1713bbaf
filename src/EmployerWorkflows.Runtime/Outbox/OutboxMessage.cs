namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>
/// An email waiting for, or done with, delivery. Rows are written in the same transaction as the change that
/// caused them; the delivery job sends them later. <see cref="MessageId"/> is fixed at queue time so a re-send
/// after a crash is recognisable by the receiver.
/// </summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string MessageId { get; set; } = "";
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string Language { get; set; } = "it";
    public OutboxStatus Status { get; set; } = OutboxStatus.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Node holding the delivery claim, so two nodes never send one message at once.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
    /// <summary>Workflow instance that queued it, if any.</summary>
    public Guid? InstanceId { get; set; }
    public Guid? CompanyId { get; set; }
    /// <summary>User the message is addressed to, so people can see what was sent to them.</summary>
    public string? RecipientUserId { get; set; }
    /// <summary>Template that produced it, for monitoring.</summary>
    public string? Template { get; set; }
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

public enum OutboxStatus { Queued = 0, Sent = 1, Failed = 2 }

/// <summary>A file attached to an outbox message.</summary>
internal sealed class OutboxAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OutboxMessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public byte[] Content { get; set; } = [];
}
