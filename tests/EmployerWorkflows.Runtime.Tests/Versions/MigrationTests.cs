using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Versions;

public sealed class MigrationTests : ReviewScenarioTest
{
    /// <summary>Version 2 renames Submitted to InReview and gives reviewers 7 days.</summary>
    private Task<int> PublishVersionTwoAsync() => Scenario.Host.PublishAsync(TestDefinitions.Review
        .Replace("\"Submitted\"", "\"InReview\"").Replace("P5D", "P7D"));

    [Fact]
    public async Task Migrate_MovesInstanceAndReplacesTasksAndTimers_WhenMappingIsValid()
    {
        var started = await Scenario.StartAsync();
        await PublishVersionTwoAsync();

        var migrated = await Scenario.Engine.MigrateAsync(new MigrateInstance(
            started.InstanceId, 2, new Dictionary<string, string> { ["Submitted"] = "InReview" }, Actors.Operator));

        Assert.Equal(("InReview", InstanceStatus.Running), (migrated.State, migrated.Status));
        await using var db = Scenario.Database.Open();
        Assert.Equal(2, (await db.Set<WorkflowInstance>().SingleAsync()).DefinitionVersion);
        var tasks = await db.Set<WorkflowTask>().OrderBy(t => t.CreatedAt).ThenBy(t => t.Status).ToListAsync();
        Assert.Equal([WorkflowTaskStatus.Open, WorkflowTaskStatus.Cancelled], tasks.Select(t => t.Status).Order());
        Assert.Equal(RuntimeHost.Start.AddDays(7), tasks.Single(t => t.Status == WorkflowTaskStatus.Open).DueAt);
        Assert.Equal(1, await db.Set<WorkflowTimer>().CountAsync(t => t.Status == TimerStatus.Pending));
        var entry = await db.Set<JournalEntry>().SingleAsync(j => j.Kind == JournalKind.Migration);
        Assert.Equal(("Submitted", "InReview", "u-operator"), (entry.FromState, entry.ToState, entry.UserId));
    }

    [Fact]
    public async Task Migrate_ListsEveryProblem_WhenMappedStateMissing()
    {
        var started = await Scenario.StartAsync();
        await PublishVersionTwoAsync();

        var error = await Assert.ThrowsAsync<MigrationInvalidException>(() => Scenario.Engine.MigrateAsync(new MigrateInstance(
            started.InstanceId, 2, new Dictionary<string, string> { ["AwaitingChanges"] = "Gone" }, Actors.Operator)));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("'Gone'"));
        Assert.Contains(error.Problems, p => p.Contains("'Submitted' does not exist"));
    }

    [Fact]
    public async Task Migrate_Throws_WhenTargetVersionIsNotPublished()
    {
        var started = await Scenario.StartAsync();

        var error = await Assert.ThrowsAsync<MigrationInvalidException>(() => Scenario.Engine.MigrateAsync(
            new MigrateInstance(started.InstanceId, 9, new Dictionary<string, string>(), Actors.Operator)));

        Assert.Contains("Version 9", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task CheckMigration_ListsProblemsAndChangesNothing_WhenCurrentStateIsUnmapped()
    {
        var started = await Scenario.StartAsync();
        await PublishVersionTwoAsync();

        var problems = await Scenario.Engine.CheckMigrationAsync(
            new MigrateInstance(started.InstanceId, 2, new Dictionary<string, string>(), Actors.Operator));

        var problem = Assert.Single(problems);
        Assert.Equal((MigrationProblemKind.CurrentStateUnmapped, "Submitted"), (problem.Kind, problem.State));
        Assert.Contains("'Submitted' does not exist", problem.Message);
        await using var db = Scenario.Database.Open();
        var instance = await db.Set<WorkflowInstance>().SingleAsync();
        Assert.Equal((1, "Submitted", 1L), (instance.DefinitionVersion, instance.State, instance.Version));
        Assert.False(await db.Set<JournalEntry>().AnyAsync(j => j.Kind == JournalKind.Migration));
    }

    [Fact]
    public async Task CheckMigration_IsEmpty_WhenMappingIsValid()
    {
        var started = await Scenario.StartAsync();
        await PublishVersionTwoAsync();

        var problems = await Scenario.Engine.CheckMigrationAsync(new MigrateInstance(
            started.InstanceId, 2, new Dictionary<string, string> { ["Submitted"] = "InReview" }, Actors.Operator));

        Assert.Empty(problems);
    }
}
