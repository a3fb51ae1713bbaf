using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Timers;

/// <summary>Durable timers: rows written with the transition, fired by the sweep as the fake clock moves.</summary>
public sealed class TimerSweepTests : ReviewScenarioTest
{
    [Fact]
    public async Task Sweep_FiresDeadlineAsSystem_WhenDueTimeReached()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(10));

        var report = await Scenario.Host.Sweep.RunAsync();

        Assert.Equal(1, report.Fired);
        await using var db = Scenario.Database.Open();
        Assert.Equal(("Expired", InstanceStatus.Completed), await db.Set<WorkflowInstance>().Select(i => ValueTuple.Create(i.State, i.Status)).SingleAsync());
        var timer = await db.Set<WorkflowTimer>().SingleAsync();
        Assert.Equal((TimerStatus.Fired, RuntimeHost.Start.AddDays(10)), (timer.Status, timer.FiredAt!.Value));
        var entry = await db.Set<JournalEntry>().SingleAsync(j => j.Kind == JournalKind.Transition);
        Assert.Equal(("expire", "system", null), (entry.Trigger, entry.ActorName, entry.UserId));
        Assert.True(await db.Set<ProcessedCommand>().AnyAsync(c => c.IdempotencyKey == $"timer:{timer.Id}" && c.InstanceId == started.InstanceId));
    }

    [Fact]
    public async Task Sweep_FiresNothing_BeforeDueTime()
    {
        await Scenario.StartAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));

        var report = await Scenario.Host.Sweep.RunAsync();

        Assert.Equal(new Runtime.Timers.SweepReport(0, 0, 0), report);
    }

    [Fact]
    public async Task Sweep_FiresTimerScheduledBeforeRestart_WhenNewProcessSweeps()
    {
        await Scenario.StartAsync();
        var restarted = Scenario.Restart();
        restarted.Clock.Advance(TimeSpan.FromDays(11));

        var report = await restarted.Sweep.RunAsync();

        Assert.Equal(1, report.Fired);
        await using var db = Scenario.Database.Open();
        Assert.Equal("Expired", (await db.Set<WorkflowInstance>().SingleAsync()).State);
    }

    [Fact]
    public async Task Sweep_FiresNothing_WhenStateWasLeftBeforeDueTime()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "approve");
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(30));

        var report = await Scenario.Host.Sweep.RunAsync();

        Assert.Equal(0, report.Fired);
        await using var db = Scenario.Database.Open();
        Assert.Equal("Activating", (await db.Set<WorkflowInstance>().SingleAsync()).State);
    }

    [Fact]
    public async Task Sweep_FiresEachTimerOnce_WhenTwoHostsSweepSameDatabaseConcurrently()
    {
        const int instances = 40;
        for (var i = 0; i < instances; i++)
            await Scenario.StartAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(10));
        using var other = new RuntimeHost(Scenario.Database, Scenario.Host.Clock, "node-b");

        var reports = await Task.WhenAll(
            Task.Run(() => Scenario.Host.Sweep.RunAsync()),
            Task.Run(() => other.Sweep.RunAsync()));

        Assert.Equal(instances, reports.Sum(r => r.Fired));
        await using var db = Scenario.Database.Open();
        Assert.Equal(instances, await db.Set<WorkflowInstance>().CountAsync(i => i.State == "Expired"));
        Assert.Equal(instances, await db.Set<JournalEntry>().CountAsync(j => j.Trigger == "expire"));
        Assert.Equal(instances, await db.Set<WorkflowTimer>().CountAsync(t => t.Status == TimerStatus.Fired));
    }

    [Fact]
    public async Task Sweep_LeavesTimerClaimedByAnotherNode_UntilClaimExpires()
    {
        await Scenario.StartAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(10));
        var now = Scenario.Host.Clock.GetUtcNow();
        await using (var db = Scenario.Database.Open())
        {
            // A node claimed the timer and died before firing it.
            await db.Set<WorkflowTimer>().ExecuteUpdateAsync(s => s
                .SetProperty(t => t.ClaimedBy, "dead-node")
                .SetProperty(t => t.ClaimExpiresAt, now.AddMinutes(5)));
        }

        var whileClaimed = await Scenario.Host.Sweep.RunAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await Scenario.Host.Sweep.RunAsync();

        Assert.Equal((0, 1), (whileClaimed.Fired, afterExpiry.Fired));
    }

    [Fact]
    public async Task Sweep_SendsRemindersThenEscalates_WhenStateIsNotLeft()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "requestChanges");
        var sent = new List<int>();

        for (var period = 0; period < 3; period++)
        {
            Scenario.Host.Clock.Advance(TimeSpan.FromDays(2));
            var report = await Scenario.Host.Sweep.RunAsync();
            sent.Add(report.Reminders);
        }

        Assert.Equal([1, 1, 0], sent);
        await using var db = Scenario.Database.Open();
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(m => m.Template == "reminder" && m.To == "luigi.verdi@example.it"));
        Assert.Equal(2, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Reminder));
        Assert.Equal(("Expired", InstanceStatus.Completed), await db.Set<WorkflowInstance>().Select(i => ValueTuple.Create(i.State, i.Status)).SingleAsync());
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Trigger == "expire" && j.FromState == "AwaitingChanges"));
    }

    [Fact]
    public async Task Sweep_StopsReminders_WhenStateIsLeft()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "requestChanges");
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(2));
        await Scenario.Host.Sweep.RunAsync();
        await Scenario.FireAsync(started.InstanceId, "resubmit", Actors.Submitter);

        Scenario.Host.Clock.Advance(TimeSpan.FromDays(4));
        var report = await Scenario.Host.Sweep.RunAsync();

        Assert.Equal(0, report.Reminders);
        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Template == "reminder"));
        Assert.Equal(TimerStatus.Cancelled, (await db.Set<WorkflowTimer>().SingleAsync(t => t.Kind == TimerKind.Reminder)).Status);
    }
}
