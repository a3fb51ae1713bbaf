using EmployerWorkflows.Runtime.Outbox;
using MimeKit;

namespace EmployerWorkflows.Infrastructure.Mail;

internal static class MimeMail
{
    public static MimeMessage From(OutgoingMail m, MailOptions options)
    {
        var message = new MimeMessage { MessageId = m.MessageId, Subject = m.Subject, Date = m.CreatedAt };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(m.ToName ?? "", m.To));
        if (m.Template is { } template && options.ReplyTo.TryGetValue(template, out var replyTo) && !string.IsNullOrWhiteSpace(replyTo))
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        message.Headers.Add("Content-Language", m.Language);
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        foreach (var a in m.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
