using System.Text;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmployerWorkflows.Web.Tests.Email;

[Collection(HangfireCollection.Name)]
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly SmtpMailbox mailbox = new();
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        await mailbox.StartAsync();
        app = AppFactory.OnSqlite(mailbox.Host, mailbox.Port);
        _ = app.Services; // starts the host
    }

    public async Task DisposeAsync()
    {
        app.Dispose();
        await mailbox.DisposeAsync();
    }

    [Fact]
    public async Task Delivery_SendsSubjectRecipientBodyAndAttachment_ThroughRealSmtp()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% procura\n");
        var queued = await QueueAsync(new OutboxMessage
        {
            To = "amministratore@example.org", ToName = "Anna Esempio", Subject = "Procura da firmare",
            TextBody = "Gentile Anna, in allegato la procura.", Language = "it",
            Attachments = [new OutboxAttachment { FileName = "procura.pdf", ContentType = "application/pdf", Content = pdf }],
        });

        var message = (await mailbox.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single();
        Assert.Equal("Procura da firmare", message.Subject);
        Assert.Equal("amministratore@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal(queued.MessageId, message.MessageId);
        Assert.Contains("in allegato la procura", message.TextBody);
        var attachment = Assert.IsType<MimePart>(message.Attachments.Single());
        Assert.Equal("procura.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());

        var row = await Eventually.ReturnsAsync(() => LoadAsync(queued.Id), m => m.Status == OutboxStatus.Sent, "sent mark");
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task Delivery_DeliversEveryMessageExactlyOnce_WhenSmtpServerWasDownAndCameBack()
    {
        await mailbox.StopAsync();
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
            ids.Add((await QueueAsync(new OutboxMessage { To = $"u{i}@example.org", Subject = $"Avviso {i}", TextBody = "testo" })).Id);

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync();
        foreach (var id in ids)
        {
            var failed = await Eventually.ReturnsAsync(() => LoadAsync(id), m => m.Attempts >= 1, "a failed attempt");
            Assert.Equal(OutboxStatus.Queued, failed.Status);
            Assert.NotNull(failed.LastError);
            Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow(), "a retry is scheduled later, with back-off");
        }

        await mailbox.StartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DispatchDueAsync();
        await dispatcher.DispatchDueAsync();

        await mailbox.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        // A message is marked sent only after the server has stored it, and a sent message is never claimed again:
        // once all three are marked, every delivery that will ever happen is in the mailbox, duplicates included.
        foreach (var id in ids)
            await Eventually.ReturnsAsync(() => LoadAsync(id), m => m.Status == OutboxStatus.Sent, "sent mark");
        await dispatcher.DispatchDueAsync();
        var received = mailbox.Messages();
        Assert.True(received.Count == 3, string.Join(" | ", received.Select(m => $"{m.MessageId} {m.Subject} {m.Headers["X-Peer"]}")));
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Delivery_MarksMessageFailed_AfterLastAttempt()
    {
        await mailbox.StopAsync();
        var queued = await QueueAsync(new OutboxMessage { To = "x@example.org", Subject = "Mai consegnato", TextBody = "-" });
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        // The delivery job the enqueue signalled runs beside this loop and may hold the claim on a round: the
        // attempts it makes count the same, so the loop goes on until the message is given up.
        var row = await Eventually.ReturnsAsync(async () =>
        {
            await dispatcher.DispatchDueAsync();
            app.Clock.Advance(TimeSpan.FromHours(5));
            return await LoadAsync(queued.Id);
        }, m => m.Status != OutboxStatus.Queued, "the message given up after its last attempt");
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(8, row.Attempts);
        Assert.NotNull(row.LastError);
    }

    private async Task<OutboxMessage> QueueAsync(OutboxMessage message)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        OutboxQueue.Enqueue(db, message, app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxMessage> LoadAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>()
            .AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

[Collection(HangfireCollection.Name)]
public sealed class PickupDirectoryTests : IDisposable
{
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Delivery_WritesEmlFile_WhenNoSmtpHostIsConfigured()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            OutboxQueue.Enqueue(db, new OutboxMessage { To = "nuovo@example.org", Subject = "Benvenuto", TextBody = "Ciao" }, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        var file = await Eventually.ReturnsAsync(
            () => Task.FromResult(Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : []),
            f => f.Length == 1, "an .eml file");
        var message = await MimeMessage.LoadAsync(file[0]);
        Assert.Equal("Benvenuto", message.Subject);
    }
}

[Collection(HangfireCollection.Name)]
public sealed class OutboxTransactionTests : IDisposable
{
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Enqueue_LeavesNothing_WhenTheCallersTransactionRollsBack()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            OutboxQueue.Enqueue(db, new OutboxMessage { To = "a@example.org", Subject = "Annullato", TextBody = "-" }, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        using var check = app.Services.CreateScope();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().ToListAsync());
        Assert.False(Directory.Exists(app.PickupDirectory) && Directory.EnumerateFiles(app.PickupDirectory).Any());
    }
}
