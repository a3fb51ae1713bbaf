using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>An email the host wants sent, as plain data; the outbox row it becomes stays the runtime's.</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody, string Language)
{
    public string? ToName { get; init; }
    public Guid? CompanyId { get; init; }
    /// <summary>The account the email is for, when it is one: its own mailbox lists it.</summary>
    public string? RecipientUserId { get; init; }
    /// <summary>The procedure the email is about, if any.</summary>
    public Guid? InstanceId { get; init; }
    /// <summary>Template that produced it, for monitoring.</summary>
    public string? Template { get; init; }
    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];
}

/// <summary>Where a queued email went: its outbox id and address.</summary>
public sealed record QueuedEmail(Guid Id, string To);

/// <summary>Queues an <see cref="OutgoingEmail"/> in the caller's unit of work, as <see cref="OutboxQueue"/> does.</summary>
public static class OutgoingEmails
{
    public static QueuedEmail Enqueue(DbContext db, OutgoingEmail email, DateTimeOffset now)
    {
        var message = OutboxQueue.Enqueue(db, new OutboxMessage
        {
            To = email.To, ToName = email.ToName, RecipientUserId = email.RecipientUserId, Subject = email.Subject, TextBody = email.TextBody, HtmlBody = email.HtmlBody, Language = email.Language,
            CompanyId = email.CompanyId, InstanceId = email.InstanceId, Template = email.Template,
            Attachments = email.Attachments.Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content })
                .ToList(),
        }, now);
        return new QueuedEmail(message.Id, message.To);
    }

    /// <summary>Whether an email was queued in <paramref name="db"/> and not yet saved (the delivery job is woken after the commit).</summary>
    public static bool AnyQueued(DbContext db) => db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
}
