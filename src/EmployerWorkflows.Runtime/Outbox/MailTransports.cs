using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>Hands a finished MIME message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Delivers over SMTP with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file, so a newcomer without a mail server still sees the mails.</summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var dir = options.Value.PickupDirectory
                  ?? throw new InvalidOperationException("Smtp:PickupDirectory is not set.");
        Directory.CreateDirectory(dir);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars().Append('@').ToArray()));
        // Written beside the target and renamed: whoever watches the folder never reads half a message.
        var target = Path.Combine(dir, $"{name}.eml");
        var partial = Path.Combine(dir, $".{name}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
    }
}
