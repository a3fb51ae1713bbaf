using EmployerWorkflows.Infrastructure.Mail;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Tests.Support;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Runtime.Tests.Mail;

/// <summary>
/// Two nodes deliver one outbox at once, each claiming groups of messages with one UPDATE, through a real SMTP
/// server: every message arrives once.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class OutboxGroupClaimTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int Messages = 40;
    private readonly SmtpMailbox _mailbox = new();
    private readonly FakeTimeProvider _clock = new(RuntimeHost.Start);

    public Task InitializeAsync() => _mailbox.StartAsync();

    public Task DisposeAsync() => _mailbox.DisposeAsync();

    [Fact]
    public async Task Dispatch_SendsEachMessageOnce_WhenTwoNodesClaimGroupsAtOnce()
    {
        using var database = new TestDatabase();

        await AssertEachMessageSentOnceAsync(database);
    }

    [Fact]
    public async Task Postgres_Dispatch_SendsEachMessageOnce_WhenTwoNodesClaimGroupsAtOnce()
    {
        using var database = new TestDatabase(await cluster.CreateDatabaseAsync("outbox"));

        await AssertEachMessageSentOnceAsync(database);
    }

    private async Task AssertEachMessageSentOnceAsync(TestDatabase database)
    {
        var queued = await QueueAsync(database);

        var sent = await Task.WhenAll(
            Task.Run(() => Node(database, "node-a").DispatchDueAsync()),
            Task.Run(() => Node(database, "node-b").DispatchDueAsync()));

        Assert.Equal(Messages, sent.Sum());
        var received = _mailbox.Messages().Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Order(), received.Order());
        await using var db = database.Open();
        var rows = await db.Set<OutboxMessage>().ToListAsync();
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1, null), (m.Status, m.Attempts, m.ClaimedBy)));
    }

    private async Task<List<string>> QueueAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var ids = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            var message = OutboxQueue.Enqueue(db, new OutboxMessage
            {
                To = $"destinatario{i}@example.it", Subject = $"Avviso {i}", TextBody = "La pratica è stata aggiornata.",
            }, _clock.GetUtcNow());
            ids.Add(message.MessageId);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>A node's dispatcher: small groups, so the two nodes contend for many of them.</summary>
    private OutboxDispatcher Node(TestDatabase database, string nodeId)
    {
        var mail = Options.Create(new MailOptions { Host = _mailbox.Host, Port = _mailbox.Port });
        return new OutboxDispatcher(database.Contexts, new SmtpMailTransport(mail), _clock,
            Options.Create(new OutboxOptions { NodeId = nodeId, BatchSize = 7 }), NullLogger<OutboxDispatcher>.Instance);
    }
}
