using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Postgres;

[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;

/// <summary>The execution invariants again, on PostgreSQL (row locks and read committed instead of SQLite's single writer).</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresRuntimeTests(PostgresCluster cluster) : IAsyncLifetime
{
    private ReviewScenario _scenario = null!;

    public async Task InitializeAsync() =>
        _scenario = await ReviewScenario.CreateAsync(await cluster.CreateDatabaseAsync("runtime"));

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Postgres_RunsProcedureToFinalState_WithTaskTimerAndOperation()
    {
        var started = await _scenario.StartAsync(amount: 500);

        var fired = await _scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(("Activating", InstanceStatus.Completed), (fired.State, fired.Status));
        await using var db = _scenario.Database.Open();
        Assert.True((await db.Companies.SingleAsync()).Active);
        var task = await db.Set<WorkflowTask>().SingleAsync();
        Assert.Equal(("approve", WorkflowTaskStatus.Completed), (task.Outcome, task.Status));
        Assert.Equal(TimerStatus.Cancelled, (await db.Set<WorkflowTimer>().SingleAsync()).Status);
    }

    [Fact]
    public async Task Postgres_ExactlyOneWins_WhenFiresOnSameVersionRace()
    {
        var started = await _scenario.StartAsync();

        var outcomes = await Race.RunAsync(4, _ => _scenario.FireAsync(started.InstanceId, "comment", expectedVersion: started.Version));

        Assert.Single(outcomes, o => o.Result is not null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<WorkflowConflictException>(o.Error));
        await using var db = _scenario.Database.Open();
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Trigger == "comment"));
    }

    [Fact]
    public async Task Postgres_AppliesOnce_WhenSameKeyRaces()
    {
        var started = await _scenario.StartAsync();

        var outcomes = await Race.RunAsync(4, _ => _scenario.FireAsync(started.InstanceId, "requestChanges", key: "pg-op"));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Single(outcomes, o => !o.Result!.Replayed);
        await using var db = _scenario.Database.Open();
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Trigger == "requestChanges"));
    }

    [Fact]
    public async Task Postgres_FiresEachTimerOnce_WhenTwoHostsSweepConcurrently()
    {
        const int instances = 20;
        for (var i = 0; i < instances; i++)
            await _scenario.StartAsync();
        _scenario.Host.Clock.Advance(TimeSpan.FromDays(10));
        using var other = new RuntimeHost(_scenario.Database, _scenario.Host.Clock, "node-b");

        var reports = await Task.WhenAll(
            Task.Run(() => _scenario.Host.Sweep.RunAsync()),
            Task.Run(() => other.Sweep.RunAsync()));

        Assert.Equal(instances, reports.Sum(r => r.Fired));
        await using var db = _scenario.Database.Open();
        Assert.Equal(instances, await db.Set<JournalEntry>().CountAsync(j => j.Trigger == "expire"));
    }

    [Fact]
    public async Task Postgres_SendsRemindersThenEscalates_WhenStateIsNotLeft()
    {
        var started = await _scenario.StartAsync();
        await _scenario.FireAsync(started.InstanceId, "requestChanges");

        var reminders = 0;
        for (var period = 0; period < 3; period++)
        {
            _scenario.Host.Clock.Advance(TimeSpan.FromDays(2));
            reminders += (await _scenario.Host.Sweep.RunAsync()).Reminders;
        }

        Assert.Equal(2, reminders);
        await using var db = _scenario.Database.Open();
        Assert.Equal("Expired", (await db.Set<WorkflowInstance>().SingleAsync()).State);
    }
}
