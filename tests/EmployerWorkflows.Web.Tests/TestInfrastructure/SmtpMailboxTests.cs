using System.Net.Sockets;
using EmployerWorkflows.TestInfrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EmployerWorkflows.Web.Tests.TestInfrastructure;

public sealed class SmtpMailboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Messages_ReturnsSentMessage_WithSubjectRecipientBodyAndAttachment()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();
        var sent = Mail("Registrazione ricevuta", "mario.rossi@example.it", "La pratica è stata registrata.");
        var body = new BodyBuilder { TextBody = "La pratica è stata registrata." };
        body.Attachments.Add("delega.pdf", "%PDF-1.4 delega"u8.ToArray(), new ContentType("application", "pdf"));
        sent.Body = body.ToMessageBody();

        await SendAsync(mailbox, sent);
        var received = Assert.Single(await mailbox.WaitForMessagesAsync(1, Patience));

        Assert.Equal("Registrazione ricevuta", received.Subject);
        Assert.Equal("mario.rossi@example.it", Assert.Single(received.To.Mailboxes).Address);
        Assert.Contains("La pratica è stata registrata.", received.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal("delega.pdf", attachment.FileName);
        Assert.NotNull(attachment.Content);
        using var content = new MemoryStream();
        await attachment.Content.DecodeToAsync(content);
        Assert.Equal("%PDF-1.4 delega"u8.ToArray(), content.ToArray());
    }

    [Fact]
    public async Task Messages_RecordsEnvelopeRecipient_AsXRcptToHeader()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();

        await SendAsync(mailbox, Mail("Promemoria", "ufficio@example.ch", "Scadenza domani."));
        var received = Assert.Single(await mailbox.WaitForMessagesAsync(1, Patience));

        Assert.Equal("ufficio@example.ch", received.Headers["X-RcptTo"]);
    }

    [Fact]
    public async Task StartAsync_KeepsEarlierMessages_WhenRestartedAfterStop()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();
        await SendAsync(mailbox, Mail("Prima", "a@example.it", "uno"));
        await mailbox.WaitForMessagesAsync(1, Patience);

        await mailbox.StopAsync();
        await mailbox.StartAsync();
        await SendAsync(mailbox, Mail("Seconda", "a@example.it", "due"));

        var received = await mailbox.WaitForMessagesAsync(2, Patience);
        Assert.Equal(["Prima", "Seconda"], received.Select(message => message.Subject));
    }

    [Fact]
    public async Task StopAsync_RefusesConnections_UntilStartedAgain()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();

        await mailbox.StopAsync();

        await Assert.ThrowsAnyAsync<SocketException>(() => SendAsync(mailbox, Mail("Persa", "a@example.it", "x")));
        Assert.Empty(mailbox.Messages());
    }

    [Fact]
    public async Task WaitForMessages_ReturnsOnlyMatching_WhenFilterGiven()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();
        await SendAsync(mailbox, Mail("Sollecito", "a@example.it", "x"));
        await SendAsync(mailbox, Mail("Esito", "b@example.it", "y"));

        var received = await mailbox.WaitForMessagesAsync(1, Patience, message => message.Subject == "Esito");

        Assert.Equal("b@example.it", Assert.Single(Assert.Single(received).To.Mailboxes).Address);
    }

    [Fact]
    public async Task WaitForMessages_ThrowsTimeout_WhenTooFewMessagesArrive()
    {
        await using var mailbox = await SmtpMailbox.StartNewAsync();
        await SendAsync(mailbox, Mail("Unica", "a@example.it", "x"));

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => mailbox.WaitForMessagesAsync(2, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("'Unica'", error.Message);
    }

    [Fact]
    public async Task Dispose_DeletesMaildir()
    {
        var mailbox = await SmtpMailbox.StartNewAsync();
        var maildir = mailbox.MaildirPath;

        mailbox.Dispose();

        Assert.False(Directory.Exists(maildir));
        Assert.False(mailbox.IsRunning);
    }

    private static MimeMessage Mail(string subject, string to, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@employer-workflows.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static async Task SendAsync(SmtpMailbox mailbox, MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(mailbox.Host, mailbox.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
