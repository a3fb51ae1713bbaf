using EmployerWorkflows.Runtime.Outbox;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Infrastructure.Mail;

/// <summary>Writes each message as an .eml file, so a newcomer without a mail server still sees the mails.</summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var dir = options.Value.PickupDirectory
                  ?? throw new InvalidOperationException("Smtp:PickupDirectory is not set.");
        Directory.CreateDirectory(dir);
        var message = MimeMail.From(mail, options.Value);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars().Append('@').ToArray()));
        // Written beside the target and renamed: whoever watches the folder never reads half a message.
        var target = Path.Combine(dir, $"{name}.eml");
        var partial = Path.Combine(dir, $".{name}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
    }
}
