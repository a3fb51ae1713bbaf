namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>Hands a finished message to the outside world (an SMTP server, a pickup folder); the host provides it.</summary>
public interface IMailTransport
{
    /// <summary>Delivers <paramref name="mail"/>, or throws; the outbox retries with back-off.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// A queued email as the transport sees it. <see cref="MessageId"/> is stable across re-sends; <see cref="Template"/> names
/// the template it was written from, so the host can say where replies go.
/// </summary>
public sealed record OutgoingMail(
    string MessageId,
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string Language,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OutgoingAttachment> Attachments,
    string? Template = null)
{
    internal static OutgoingMail From(OutboxMessage m) => new(m.MessageId, m.To, m.ToName, m.Subject, m.TextBody, m.HtmlBody,
        m.Language, m.CreatedAt, m.Attachments.Select(a => new OutgoingAttachment(a.FileName, a.ContentType, a.Content)).ToList(), m.Template);
}

/// <summary>A file attached to an <see cref="OutgoingMail"/>.</summary>
public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);
