using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

/// <summary>Optimistic concurrency and idempotent commands, with real parallel tasks on one SQLite file.</summary>
public sealed class ConcurrencyTests : ReviewScenarioTest
{
    [Fact]
    public async Task Fire_ExactlyOneWins_WhenTwoActorsFireConcurrentlyOnSameVersion()
    {
        var started = await Scenario.StartAsync();

        var outcomes = await Race.RunAsync(2, _ => Scenario.FireAsync(started.InstanceId, "requestChanges", expectedVersion: started.Version));

        Assert.Single(outcomes, o => o.Result is not null);
        var loser = Assert.IsType<WorkflowConflictException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        Assert.Equal("AwaitingChanges", loser.CurrentState);
        Assert.Contains("Someone else acted on this procedure first", loser.Message);
        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Transition));
        Assert.Equal(1, JsonAttempts(await db.Set<WorkflowInstance>().SingleAsync()));
    }

    [Fact]
    public async Task Fire_ExactlyOneWins_WhenManyFireConcurrently()
    {
        var started = await Scenario.StartAsync();

        var outcomes = await Race.RunAsync(6, _ => Scenario.FireAsync(started.InstanceId, "comment", expectedVersion: started.Version));

        Assert.Single(outcomes, o => o.Result is not null);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<WorkflowConflictException>(o.Error));
        await using var db = Scenario.Database.Open();
        Assert.Equal(2L, (await db.Set<WorkflowInstance>().SingleAsync()).Version);
    }

    [Fact]
    public async Task Fire_ThrowsConflict_WhenInstanceChangedBetweenReadAndWrite()
    {
        var started = await Scenario.StartAsync();
        await using var stale = Scenario.Database.Open();
        await stale.Set<WorkflowInstance>().SingleAsync(); // this unit of work now holds version 1
        await Scenario.FireAsync(started.InstanceId, "comment");

        var error = await Assert.ThrowsAsync<WorkflowConflictException>(() =>
            Scenario.Engine.FireAsync(stale, new FireTrigger(started.InstanceId, "requestChanges", Actors.Reviewer)));

        Assert.Equal(("Submitted", 2L), (error.CurrentState, error.CurrentVersion));
        await using var db = Scenario.Database.Open();
        Assert.Equal("Submitted", (await db.Set<WorkflowInstance>().SingleAsync()).State);
    }

    [Fact]
    public async Task Fire_ThrowsConflictWithCurrentState_WhenExpectedVersionIsStale()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "comment");

        var error = await Assert.ThrowsAsync<WorkflowConflictException>(() =>
            Scenario.FireAsync(started.InstanceId, "approve", expectedVersion: started.Version));

        Assert.Equal(2L, error.CurrentVersion);
    }

    [Fact]
    public async Task Fire_ReturnsFirstResultAndChangesNothing_WhenRepeatedWithSameKey()
    {
        var started = await Scenario.StartAsync();
        var first = await Scenario.FireAsync(started.InstanceId, "requestChanges", key: "op-1");
        var footprint = await Scenario.FootprintAsync();

        var second = await Scenario.FireAsync(started.InstanceId, "requestChanges", key: "op-1");

        Assert.Equal(first with { Replayed = true }, second);
        Assert.Equal(footprint, await Scenario.FootprintAsync());
    }

    [Fact]
    public async Task Fire_AppliesOnceAndReplaysForOthers_WhenSameKeyRaces()
    {
        var started = await Scenario.StartAsync();

        var outcomes = await Race.RunAsync(4, _ => Scenario.FireAsync(started.InstanceId, "requestChanges", key: "op-race"));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Single(outcomes, o => !o.Result!.Replayed);
        Assert.All(outcomes, o => Assert.Equal(("AwaitingChanges", 2L), (o.Result!.State, o.Result.Version)));
        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Transition));
        Assert.Equal(1, JsonAttempts(await db.Set<WorkflowInstance>().SingleAsync()));
    }

    [Fact]
    public async Task Start_ReturnsFirstInstance_WhenRepeatedWithSameKey()
    {
        var command = new StartWorkflow("review", null, Scenario.Variables(), null, null, Actors.Submitter, "start-1");

        var first = await Scenario.Engine.StartAsync(command);
        var second = await Scenario.Engine.StartAsync(command);

        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.True(second.Replayed);
        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<WorkflowInstance>().CountAsync());
    }

    private static int JsonAttempts(WorkflowInstance instance) =>
        System.Text.Json.Nodes.JsonNode.Parse(instance.Variables)!["attempts"]!.GetValue<int>();
}
