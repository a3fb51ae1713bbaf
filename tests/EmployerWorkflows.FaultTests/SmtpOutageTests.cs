using System.Text.Json;
using EmployerWorkflows.FaultTests.Checks;
using EmployerWorkflows.FaultTests.Hosting;
using EmployerWorkflows.FaultTests.Load;
using EmployerWorkflows.TestInfrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.FaultTests;

/// <summary>
/// The mail server is down while procedures keep producing email: the outbox retries with back-off (the clock is
/// moved through several retries), the monitor shows what waits, and once the server is back every message arrives
/// once, in the order it was queued for its recipient.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SmtpOutageTests : IAsyncLifetime
{
    /// <summary>Id of the recurring delivery job, which operators can also trigger from the dashboard.</summary>
    private const string DeliveryJob = "outbox-delivery";
    private const string Operator = "PRTOPR79E05F205J";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly SmtpMailbox mailbox = new();
    private readonly Sqlite.TempDatabase database = new("outage");
    private InProcessHost host = null!;
    private Store store = null!;

    public async Task InitializeAsync()
    {
        await mailbox.StartAsync();
        host = new InProcessHost(database.Path, mailbox.Host, mailbox.Port);
        store = Store.Sqlite(database.Path);
    }

    [Fact]
    public async Task Outbox_DeliversEveryEmailOnceInOrderPerRecipient_WhenTheMailServerReturnsAfterSeveralRetries()
    {
        var ledger = new Ledger();
        var load = new RegistrationLoad(store, () => ApiClient.Over(host.NewHttpClient()), ledger);
        var submitters = RegistrationLoad.Submitters.Take(3).ToList();
        using var reviewer = ApiClient.Over(host.NewHttpClient());
        await reviewer.LogInAsync(RegistrationLoad.Reviewer, Patience);
        using var monitor = ApiClient.Over(host.NewHttpClient());
        await monitor.LogInAsync(Operator, Patience);

        await mailbox.StopAsync();
        // Five rounds twenty minutes apart: each adds a registration per person and an integration request, and the
        // older messages fail again at each of their due retries (1, 2, 4, 8, 16 minutes after the last failure).
        for (var round = 0; round < 5; round++)
        {
            foreach (var submitter in submitters)
            {
                await load.RegisterAsync(CancellationToken.None, ledger.Registrations.Count + 1, submitter);
                host.Clock.Advance(TimeSpan.FromSeconds(1));
            }
            var task = (await load.OpenReviewTasksAsync()).First();
            Assert.True((await load.CompleteAsync(reviewer, task.TaskId, task.InstanceId, "requestIntegration")).Accepted);
            await DueMessagesTriedAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            await DueMessagesTriedAsync();
        }

        var waiting = await store.ReadAsync("""SELECT "Attempts", "Status", "LastError" FROM "OutboxMessages" """,
            r => (Attempts: r.GetInt32(0), Status: r.GetInt32(1), Error: Store.Text(r, 2)));
        Assert.All(waiting, m => Assert.Equal(0, m.Status));
        Assert.True(waiting.Max(m => m.Attempts) >= 4, $"the oldest email was retried several times: {waiting.Max(m => m.Attempts)}");
        Assert.Empty(mailbox.Messages());
        var shownWaiting = await MonitorShowsAsync(monitor, email => email.GetProperty("status").GetString() == "Queued");
        // The younger emails of a person wait, untried, behind their oldest one, which shows the retries and why they fail.
        Assert.Contains(shownWaiting, email => email.GetProperty("attempts").GetInt32() >= 4
                                               && email.GetProperty("lastError").GetString() is { Length: > 0 });

        await mailbox.StartAsync();
        host.Clock.Advance(TimeSpan.FromHours(5));
        await Eventually.ReturnsAsync(async () =>
        {
            Trigger();
            return await store.CountAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 0""");
        }, queued => queued == 0, "every email delivered once the server is back", Patience);

        var snapshot = await StoreSnapshot.ReadAsync(store);
        var received = Arrival.ReadAll(mailbox.MaildirPath);
        Assert.Equal(snapshot.Emails.Count, received.Count);
        Problems.None(FaultAudit.EmailsOnce(snapshot, received), "every queued email received once");
        foreach (var recipient in snapshot.Emails.GroupBy(e => e.To))
        {
            var queuedOrder = recipient.OrderBy(e => e.CreatedAt).Select(e => e.MessageId).ToList();
            var arrivalOrder = received.Where(m => m.To == recipient.Key).Select(m => m.MessageId).ToList();
            Assert.Equal(queuedOrder, arrivalOrder);
        }
        await MonitorShowsAsync(monitor, email => email.GetProperty("status").GetString() == "Sent");
    }

    /// <summary>
    /// Runs delivery now and waits until each recipient's next email (the oldest queued for them; the younger ones
    /// wait for it) has been tried, if it was due at the current (moved) time.
    /// </summary>
    private async Task DueMessagesTriedAsync()
    {
        var now = host.Clock.GetUtcNow();
        Trigger();
        await Eventually.ReturnsAsync(async () => (await store.ReadAsync(
                """SELECT "To", "CreatedAt", "NextAttemptAt" FROM "OutboxMessages" WHERE "Status" = 0""",
                r => (To: r.GetString(0), Created: r.GetInt64(1), Next: Time(r.GetInt64(2)))))
            .GroupBy(m => m.To)
            .Count(recipient => recipient.MinBy(m => m.Created).Next <= now),
            due => due == 0, "every recipient's next email tried", Patience);
    }

    /// <summary>SQLite keeps times as EF Core's sortable binary form (UTC ticks / 1000, shifted past the offset bits).</summary>
    private static DateTimeOffset Time(long binary) => new((binary >> 11) * 1000, TimeSpan.Zero);

    private void Trigger() => host.Services.GetRequiredService<IRecurringJobManager>().Trigger(DeliveryJob);

    /// <summary>Every email of every registration, as the instance monitor's API shows it, satisfies <paramref name="shown"/>.</summary>
    private async Task<List<JsonElement>> MonitorShowsAsync(ApiClient monitor, Func<JsonElement, bool> shown)
    {
        var instances = await store.ReadAsync("""SELECT "Id" FROM "WorkflowInstances" """, r => Store.Id(r, 0));
        var all = new List<JsonElement>();
        foreach (var instance in instances)
        {
            var answer = await monitor.GetAsync($"/api/instances/{instance}");
            Assert.True(answer.Accepted, $"monitor of {instance}: {answer.Status}");
            var emails = answer.Body.GetProperty("emails").EnumerateArray().ToList();
            Assert.NotEmpty(emails);
            Assert.All(emails, email => Assert.True(shown(email), email.ToString()));
            all.AddRange(emails);
        }
        return all;
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        mailbox.Dispose();
        database.Dispose();
        return Task.CompletedTask;
    }
}
