using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Timers;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Postgres;

/// <summary>Grouped sweeps on PostgreSQL: row locks between nodes, and savepoints that clear a failed statement.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresTimerGroupTests(PostgresCluster cluster) : IAsyncLifetime
{
    private DeadlineScenario _scenario = null!;

    public async Task InitializeAsync() =>
        _scenario = await DeadlineScenario.CreateAsync(groupSize: 10, await cluster.CreateDatabaseAsync("timergroups"));

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Postgres_FiresEachTimerOnce_WhenTwoNodesSweepGroupsAtOnce()
    {
        const int instances = 60;
        for (var i = 0; i < instances; i++)
            await _scenario.StartAsync();
        _scenario.MakeDeadlinesDue();
        using var other = _scenario.Node("node-b");

        var reports = await Task.WhenAll(
            Task.Run(() => _scenario.Host.Sweep.RunAsync()),
            Task.Run(() => other.Sweep.RunAsync()));

        Assert.Equal(instances, reports.Sum(r => r.Fired));
        var activations = await _scenario.ActivationsAsync();
        Assert.Equal(instances, activations.Count);
        Assert.All(activations.Values, count => Assert.Equal(1, count));
        Assert.Equal(instances, await _scenario.CountTimersAsync(TimerStatus.Fired));
        await using var db = _scenario.Database.Open();
        Assert.Equal(instances, await db.Companies.CountAsync(c => c.Active));
    }

    [Fact]
    public async Task Postgres_FiresTheOtherTimersOfTheGroup_WhenOneTimerActivityFails()
    {
        for (var i = 0; i < 3; i++)
            await _scenario.StartAsync();
        var failing = await _scenario.StartAsync(companyExists: false);
        for (var i = 0; i < 3; i++)
            await _scenario.StartAsync();
        _scenario.MakeDeadlinesDue();

        var report = await _scenario.Host.Sweep.RunAsync();

        Assert.Equal(7, report.Fired);
        Assert.Equal(6, (await _scenario.ActivationsAsync()).Count);
        await using var db = _scenario.Database.Open();
        Assert.Equal(6, await db.Companies.CountAsync(c => c.Active));
        Assert.Equal(InstanceStatus.Faulted, (await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == failing)).Status);
        Assert.Equal(WorkflowTaskStatus.Open, (await db.Set<WorkflowTask>().SingleAsync(t => t.InstanceId == failing)).Status);
        Assert.Equal(failing, (await db.Set<Incident>().SingleAsync()).InstanceId);
    }
}
