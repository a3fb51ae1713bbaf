using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Timers;

/// <summary>The sweep fires a group of timers in one transaction, each behind its own savepoint.</summary>
public sealed class TimerGroupTests : IAsyncLifetime
{
    private DeadlineScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await DeadlineScenario.CreateAsync(groupSize: 50);

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sweep_FiresEveryTimerOfTheGroupOnce_WhenManyAreDue()
    {
        var instances = new List<Guid>();
        for (var i = 0; i < 30; i++)
            instances.Add(await _scenario.StartAsync());
        _scenario.MakeDeadlinesDue();

        var first = await _scenario.Host.Sweep.RunAsync();
        _scenario.Host.Clock.Advance(TimeSpan.FromDays(1));
        var second = await _scenario.Host.Sweep.RunAsync();

        Assert.Equal((30, 0), (first.Fired, second.Fired));
        var activations = await _scenario.ActivationsAsync();
        Assert.Equal(instances.Order(), activations.Keys.Order());
        Assert.All(activations.Values, count => Assert.Equal(1, count));
        await using var db = _scenario.Database.Open();
        Assert.Equal(30, await db.Companies.CountAsync(c => c.Active));
        Assert.Equal(30, await db.Set<ProcessedCommand>().CountAsync(c => c.IdempotencyKey.StartsWith("timer:")));
        Assert.Equal(30, await _scenario.CountTimersAsync(TimerStatus.Fired));
    }

    [Fact]
    public async Task Sweep_FiresTheOtherTimersOfTheGroup_WhenOneTimerActivityFails()
    {
        var good = new List<Guid>();
        for (var i = 0; i < 4; i++)
            good.Add(await _scenario.StartAsync());
        var failing = await _scenario.StartAsync(companyExists: false);
        for (var i = 0; i < 4; i++)
            good.Add(await _scenario.StartAsync());
        _scenario.MakeDeadlinesDue();

        var report = await _scenario.Host.Sweep.RunAsync();

        Assert.Equal(9, report.Fired);
        Assert.Equal(good.Order(), (await _scenario.ActivationsAsync()).Keys.Order());
        await using var db = _scenario.Database.Open();
        Assert.Equal(8, await db.Companies.CountAsync(c => c.Active));
        var faulted = await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == failing);
        Assert.Equal(("Waiting", InstanceStatus.Faulted), (faulted.State, faulted.Status));
        // Its rolled-back transition had closed its task before the operation failed; the task is open again.
        Assert.Equal(WorkflowTaskStatus.Open, (await db.Set<WorkflowTask>().SingleAsync(t => t.InstanceId == failing)).Status);
        var incident = await db.Set<Incident>().SingleAsync();
        Assert.Equal((failing, "activate", "activate", "Company not found."),
            (incident.InstanceId, incident.Trigger, incident.ActivityId, incident.Message));
        Assert.Equal(9, await _scenario.CountTimersAsync(TimerStatus.Fired));
    }

    [Fact]
    public async Task Retry_ActivatesTheFailedTimersProcedure_AfterItsCompanyExists()
    {
        var failing = await _scenario.StartAsync(companyExists: false);
        await _scenario.StartAsync();
        _scenario.MakeDeadlinesDue();
        await _scenario.Host.Sweep.RunAsync();
        Guid incidentId, companyId;
        await using (var db = _scenario.Database.Open())
        {
            incidentId = (await db.Set<Incident>().SingleAsync()).Id;
            var variables = (await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == failing)).Variables;
            companyId = Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(variables)!["companyId"]!.GetValue<string>());
            db.Companies.Add(new TestCompany { Id = companyId, Name = "Arrivata dopo srl" });
            await db.SaveChangesAsync();
        }

        var retried = await _scenario.Host.Engine.RetryAsync(incidentId, Actors.Reviewer);

        Assert.Equal(("Activated", InstanceStatus.Completed), (retried.State, retried.Status));
        await using var check = _scenario.Database.Open();
        Assert.True((await check.Companies.SingleAsync(c => c.Id == companyId)).Active);
    }
}
