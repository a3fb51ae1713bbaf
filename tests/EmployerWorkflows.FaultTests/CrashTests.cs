using EmployerWorkflows.FaultTests.Checks;
using EmployerWorkflows.FaultTests.Hosting;
using EmployerWorkflows.FaultTests.Load;
using EmployerWorkflows.TestInfrastructure;
using Xunit.Abstractions;

namespace EmployerWorkflows.FaultTests;

/// <summary>
/// A real app process under load (registrations, review completions, integration deadlines falling due, email) is
/// killed with SIGKILL at random moments and started again each time. Afterwards nothing accepted is lost or
/// doubled, no deadline fires twice or never, and every queued email reached the SMTP server exactly once.
/// </summary>
public abstract class CrashScenario(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long after an integration request its deadline falls due (the shipped definition says 15 days).</summary>
    private static readonly TimeSpan IntegrationDelay = TimeSpan.FromSeconds(6);

    private readonly SmtpMailbox mailbox = new();
    private readonly TestWorkflows workflows = new(IntegrationDelay);
    private Store store = null!;
    private AppNode node = null!;

    protected abstract Task<Store> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        await mailbox.StartAsync();
        store = await CreateStoreAsync();
        var settings = new Dictionary<string, string>(store.NodeSettings.Concat(FaultSettings.ShortClaims))
        {
            ["Smtp__Host"] = mailbox.Host,
            ["Smtp__Port"] = mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Workflows__Path"] = workflows.Folder,
        };
        node = new AppNode($"crash-{store.Provider}", settings);
        await node.StartAsync();
    }

    [Fact]
    public async Task App_KeepsEveryAcceptedChangeOnce_WhenKilledAtRandomUnderLoad()
    {
        var ledger = new Ledger();
        var load = new RegistrationLoad(store, () => ApiClient.For(node.BaseAddress), ledger);
        using var stop = new CancellationTokenSource();
        var workers = new[]
        {
            load.RegisterAsync(stop.Token), load.RegisterAsync(stop.Token),
            load.ReviewAsync(0, 2, stop.Token), load.ReviewAsync(1, 2, stop.Token),
        };

        var random = new Random();
        var kills = new List<DateTimeOffset>();
        var downtime = new System.Diagnostics.Stopwatch();
        for (var kill = 0; kill < FaultSettings.Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(3_000, 8_000)));
            kills.Add(DateTimeOffset.UtcNow);
            downtime.Start();
            node.Kill();
            await node.StartAsync();
            downtime.Stop();
        }
        // On a busy machine most of the run may go to restarts: the load goes on after the last one until it has
        // done some of everything (registrations, both kinds of completion, a deadline fired).
        await Eventually.ReturnsAsync(() => store.CountAsync(
                $"""SELECT COUNT(*) FROM "WorkflowJournal" WHERE "Kind" = {StoreSnapshot.TransitionKind} AND "Trigger" = 'expire'"""),
            expired => expired > 0 && ledger.Completions.Any(c => c.Action == "approve"), "a deadline fired under load",
            TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        await AllSettledAsync();
        var snapshot = await StoreSnapshot.ReadAsync(store);
        var received = Arrival.ReadAll(mailbox.MaildirPath);
        output.WriteLine($"{store.Provider}: {kills.Count} kills, {downtime.Elapsed.TotalSeconds:0}s down in all; accepted "
                         + $"{ledger.Registrations.Count} registrations and {ledger.Completions.Count} completions, "
                         + $"{ledger.LostAnswers} requests without answer; {snapshot.Timers.Count(t => t.Status == StoreSnapshot.Fired)} "
                         + $"deadlines fired; {snapshot.Emails.Count} emails queued, {received.Count} received, "
                         + $"{FaultAudit.Resent(received)} re-sent after a kill.");

        Assert.True(kills.Count >= 5, "at least five kills");
        Assert.True(ledger.Registrations.Count > 0 && ledger.Completions.Count > 0, "the load was accepted between kills");
        Assert.Contains(snapshot.Transitions, t => t.Trigger == "expire");
        Problems.None(ledger.ServerErrors, "no answer is a server error");
        Problems.None(FaultAudit.RegistrationsOnce(snapshot, ledger), "every accepted registration stored once");
        Problems.None(FaultAudit.CompletionsOnce(snapshot, ledger), "every accepted completion journaled once");
        Problems.None(FaultAudit.TransitionsMatchVersions(snapshot), "no transition twice");
        Problems.None(FaultAudit.DeadlinesFiredOnce(snapshot), "every due deadline fired once");
        Problems.None(FaultAudit.EmailsDelivered(snapshot, received, kills), "every queued email received, twice only across a kill");
    }

    /// <summary>
    /// Waits until every deadline requested has fired and every queued email is sent. A sweep or a send cut by a
    /// kill is taken over once its claim expires, by the next recurring run (every minute), hence the bound.
    /// </summary>
    private async Task AllSettledAsync()
    {
        var within = TimeSpan.FromMinutes(3);
        try
        {
            await Eventually.ReturnsAsync(() => store.CountAsync(
                    """SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 0 AND "Kind" = 0 AND "Trigger" = 'expire'"""),
                pending => pending == 0, "every integration deadline fired", within);
            await Eventually.ReturnsAsync(() => store.CountAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 0"""),
                queued => queued == 0, "every queued email sent", within);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{node.OutputTail()}", e);
        }
    }

    public Task DisposeAsync()
    {
        node.Dispose();
        mailbox.Dispose();
        workflows.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(FaultsCollection.Name)]
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashScenario(output), IDisposable
{
    private readonly Sqlite.TempDatabase database = new("crash");

    protected override Task<Store> CreateStoreAsync() => Task.FromResult(Store.Sqlite(database.Path));

    public void Dispose() => database.Dispose();
}

[Collection(FaultsCollection.Name)]
public sealed class PostgresCrashTests(PostgresCluster cluster, ITestOutputHelper output) : CrashScenario(output)
{
    protected override async Task<Store> CreateStoreAsync() => Store.Postgres(await cluster.CreateDatabaseAsync("crash"));
}
