using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using EmployerWorkflows.FaultTests.Checks;
using EmployerWorkflows.FaultTests.Hosting;
using EmployerWorkflows.FaultTests.Load;
using EmployerWorkflows.TestInfrastructure;
using Xunit.Abstractions;

namespace EmployerWorkflows.FaultTests;

/// <summary>
/// Two app processes on one PostgreSQL database (Hangfire on PostgreSQL too), used through one round-robin address:
/// many deadlines fall due at the same instant and tasks are completed by two reviewers at once, one through each
/// node. The node holding sweep claims is killed mid-sweep; the other finishes its work once the claims expire.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class TwoNodeTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Concurrency = 4;
    private readonly SmtpMailbox mailbox = new();
    // Deadlines come with each integration request here; the definition's own delay is never reached.
    private readonly TestWorkflows workflows = new(TimeSpan.FromDays(15));
    private Store store = null!;
    private AppNode first = null!;
    private AppNode second = null!;

    public async Task InitializeAsync()
    {
        await mailbox.StartAsync();
        store = Store.Postgres(await cluster.CreateDatabaseAsync("twonodes"));
        var settings = new Dictionary<string, string>(store.NodeSettings.Concat(FaultSettings.ShortClaims))
        {
            ["Smtp__Host"] = mailbox.Host,
            ["Smtp__Port"] = mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Workflows__Path"] = workflows.Folder,
        };
        first = new AppNode("node-1", settings);
        second = new AppNode("node-2", settings);
        // One after the other: the first applies the migrations and imports the definitions.
        await first.StartAsync();
        await second.StartAsync();
    }

    [Fact]
    public async Task TwoNodes_FireEachDeadlineOnceWithOneWinnerPerTask_WhenTheSweepingNodeIsKilled()
    {
        var nodes = new[] { first.BaseAddress, second.BaseAddress };
        var ledger = new Ledger();
        var load = new RegistrationLoad(store, () => ApiClient.For(nodes), ledger);
        var (timers, races) = (FaultSettings.Timers, Math.Min(FaultSettings.Races, FaultSettings.Timers));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(RegistrationLoad.Submitters.Select(s => load.RegisterAsync(CancellationToken.None, timers, s)));
        var registering = clock.Elapsed;
        var tasks = await load.OpenReviewTasksAsync();
        Assert.True(tasks.Count >= timers, $"{tasks.Count} review tasks open for {timers} registrations");
        // Five people register at once and may pass the target by a few; every open task gets a deadline.
        timers = tasks.Count;

        // Every deadline at one instant, after all the completions are done: the sweeps then meet a full backlog.
        load.Deadline = DateTimeOffset.UtcNow + registering * 1.5 + TimeSpan.FromSeconds(20);
        clock.Restart();
        var raceOutcomes = await RaceAsync(load.Deadline.Value, ledger, tasks.Take(races).ToList());
        await CompleteAsync(load, nodes, tasks.Skip(races).ToList());
        var completing = clock.Elapsed;
        Assert.True(DateTimeOffset.UtcNow < load.Deadline, $"completions ran past the deadline ({completing})");

        var (killedAt, claimsLeft) = await KillTheSweepingNodeAsync(load.Deadline.Value);
        clock.Restart();
        await AllSettledAsync(timers);
        var settling = clock.Elapsed;

        var snapshot = await StoreSnapshot.ReadAsync(store);
        var received = Arrival.ReadAll(mailbox.MaildirPath);
        output.WriteLine($"two nodes, {timers} deadlines, {races} races: registrations {timers / registering.TotalSeconds:0.0}/s, "
                         + $"completions {(timers + races) / completing.TotalSeconds:0.0}/s; killed a node holding {claimsLeft} timer claims; "
                         + $"after the kill every deadline fired and {snapshot.Emails.Count} emails were sent within {settling.TotalSeconds:0}s; "
                         + $"{FaultAudit.Resent(received)} re-sent across the kill.");

        Problems.None(ledger.ServerErrors, "no answer is a server error");
        Problems.None(raceOutcomes.Where(r => r.Value.Count(s => s == HttpStatusCode.OK) != 1
                                              || r.Value.Count(s => s == HttpStatusCode.Conflict) != 1)
            .Select(r => $"task {r.Key}: answers {string.Join(", ", r.Value)}"), "exactly one winner per raced task, the other told 409");
        Problems.None(FaultAudit.CompletionsOnce(snapshot, ledger), "every accepted completion journaled once");
        Problems.None(FaultAudit.TransitionsMatchVersions(snapshot), "no transition twice");
        Problems.None(FaultAudit.DeadlinesFiredOnce(snapshot), "every deadline fired once");
        Assert.Equal(timers, snapshot.Transitions.Count(t => t.Trigger == "expire"));
        Problems.None(FaultAudit.EmailsDelivered(snapshot, received, [killedAt]), "every email received, twice only across the kill");
    }

    /// <summary>
    /// Two reviewers who saw the same version complete the same task at the same moment, one through each node,
    /// each with their own idempotency key.
    /// </summary>
    private async Task<ConcurrentDictionary<Guid, List<HttpStatusCode?>>> RaceAsync(
        DateTimeOffset deadline, Ledger ledger, List<(Guid TaskId, Guid InstanceId)> tasks)
    {
        var outcomes = new ConcurrentDictionary<Guid, List<HttpStatusCode?>>();
        var queue = new ConcurrentQueue<(Guid TaskId, Guid InstanceId)>(tasks);
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["reason"] = "Manca la visura camerale.", ["deadline"] = TestWorkflows.Deadline(deadline),
        };
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            using var one = ApiClient.For(first.BaseAddress);
            using var other = ApiClient.For(second.BaseAddress);
            await one.LogInAsync(RegistrationLoad.Reviewer, TimeSpan.FromSeconds(30));
            await other.LogInAsync(RegistrationLoad.Reviewer, TimeSpan.FromSeconds(30));
            while (queue.TryDequeue(out var task))
            {
                var version = await one.InstanceVersionAsync(task.TaskId)
                              ?? throw new InvalidOperationException($"task {task.TaskId} could not be read");
                var answers = await Task.WhenAll(
                    one.CompleteAsync(task.TaskId, "requestIntegration", payload, version, Guid.NewGuid().ToString("N")),
                    other.CompleteAsync(task.TaskId, "requestIntegration", payload, version, Guid.NewGuid().ToString("N")));
                foreach (var answer in answers)
                {
                    ledger.Check(answer, $"raced completion of task {task.TaskId}");
                    if (answer.Accepted) ledger.Completions.Add((task.InstanceId, "requestIntegration"));
                }
                outcomes[task.TaskId] = answers.Select(a => a.Status).ToList();
            }
        }));
        return outcomes;
    }

    private static async Task CompleteAsync(RegistrationLoad load, Uri[] nodes, List<(Guid TaskId, Guid InstanceId)> tasks)
    {
        var queue = new ConcurrentQueue<(Guid TaskId, Guid InstanceId)>(tasks);
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            using var reviewer = ApiClient.For(nodes);
            await reviewer.LogInAsync(RegistrationLoad.Reviewer, TimeSpan.FromSeconds(30));
            while (queue.TryDequeue(out var task))
                await load.CompleteAsync(reviewer, task.TaskId, task.InstanceId, "requestIntegration");
        }));
    }

    /// <summary>
    /// Once the deadlines are due, waits for a node to hold sweep claims (their token names its process) and kills
    /// it with SIGKILL while it does; returns when, and how many claims it left behind.
    /// </summary>
    private async Task<(DateTimeOffset At, int Claims)> KillTheSweepingNodeAsync(DateTimeOffset deadline)
    {
        if (deadline > DateTimeOffset.UtcNow) await Task.Delay(deadline - DateTimeOffset.UtcNow);
        var claims = await Eventually.ReturnsAsync(() => store.ReadAsync(
                """SELECT "ClaimedBy" FROM "WorkflowTimers" WHERE "Status" = 0 AND "ClaimedBy" IS NOT NULL""", r => r.GetString(0)),
            held => held.Count > 0, "a node claiming due deadlines", TimeSpan.FromMinutes(2));
        var pid = claims.GroupBy(ProcessIdOf).MaxBy(g => g.Count())!.Key;
        var sweeping = new[] { first, second }.Single(n => n.ProcessId == pid);
        var at = DateTimeOffset.UtcNow;
        sweeping.Kill();
        output.WriteLine($"killed {sweeping.Name} (process {pid}) holding {claims.Count(c => ProcessIdOf(c) == pid)} claims");
        return (at, claims.Count(c => ProcessIdOf(c) == pid));
    }

    /// <summary>Claim tokens are "machine:process:guid" (the default node id, then a random part).</summary>
    private static int ProcessIdOf(string token) => int.Parse(token.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The surviving node takes over expired claims at its next recurring sweep (every minute) and sends all the mail.</summary>
    private async Task AllSettledAsync(int timers)
    {
        var within = TimeSpan.FromMinutes(5);
        var survivor = first.IsRunning ? first : second;
        try
        {
            await Eventually.ReturnsAsync(() => store.CountAsync(
                    """SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 1 AND "Kind" = 0 AND "Trigger" = 'expire'"""),
                fired => fired >= timers, "every deadline fired", within);
            await Eventually.ReturnsAsync(() => store.CountAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 0"""),
                queued => queued == 0, "every queued email sent", within);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{survivor.OutputTail()}", e);
        }
    }

    public Task DisposeAsync()
    {
        first.Dispose();
        second.Dispose();
        mailbox.Dispose();
        workflows.Dispose();
        return Task.CompletedTask;
    }
}
