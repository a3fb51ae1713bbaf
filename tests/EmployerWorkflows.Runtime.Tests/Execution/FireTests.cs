using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

public sealed class FireTests : ReviewScenarioTest
{
    [Fact]
    public async Task Fire_CompletesInstanceAndRunsOperation_WhenApprovedIntoFinalState()
    {
        var started = await Scenario.StartAsync(amount: 500);

        var fired = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(("Submitted", "Activating", InstanceStatus.Completed, 2L), (fired.FromState, fired.State, fired.Status, fired.Version));
        await using var db = Scenario.Database.Open();
        Assert.True((await db.Companies.SingleAsync()).Active);
        var instance = await db.Set<WorkflowInstance>().SingleAsync();
        var variables = JsonNode.Parse(instance.Variables)!;
        Assert.True(variables["activated"]!.GetValue<bool>());
        Assert.Equal("Mario Rossi", variables["activation"]!["by"]!.GetValue<string>());
        Assert.Equal(RuntimeHost.Start, instance.CompletedAt);
    }

    [Fact]
    public async Task Fire_ClosesTasksAndCancelsTimersOfLeftState_WhenTransitionTaken()
    {
        var started = await Scenario.StartAsync();

        await Scenario.FireAsync(started.InstanceId, "approve");

        await using var db = Scenario.Database.Open();
        var task = await db.Set<WorkflowTask>().SingleAsync();
        Assert.Equal((WorkflowTaskStatus.Completed, "approve", "u-reviewer"), (task.Status, task.Outcome, task.ClosedByUserId));
        Assert.Equal(TimerStatus.Cancelled, (await db.Set<WorkflowTimer>().SingleAsync()).Status);
    }

    [Fact]
    public async Task Fire_TakesSecondAlternative_WhenFirstGuardIsFalse()
    {
        var started = await Scenario.StartAsync(amount: 5000);

        var fired = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(("SecondReview", InstanceStatus.Running), (fired.State, fired.Status));
    }

    [Fact]
    public async Task Fire_ReentersState_WhenTransitionTargetsCurrentState()
    {
        var started = await Scenario.StartAsync();

        await Scenario.FireAsync(started.InstanceId, "comment", Actors.Submitter);

        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<WorkflowTask>().CountAsync(t => t.Status == WorkflowTaskStatus.Open));
        Assert.Equal(2, await db.Set<WorkflowTask>().CountAsync());
        Assert.Equal(1, await db.Set<WorkflowTimer>().CountAsync(t => t.Status == TimerStatus.Pending));
    }

    [Fact]
    public async Task Fire_ThrowsNotPermittedListingAllowedTriggers_WhenActorLacksRole()
    {
        var started = await Scenario.StartAsync();

        var error = await Assert.ThrowsAsync<TriggerNotPermittedException>(() =>
            Scenario.FireAsync(started.InstanceId, "approve", Actors.Submitter));

        Assert.Equal(["comment", "expire"], error.PermittedTriggers.Order());
        Assert.Contains("Possible now: comment, expire", error.Message);
    }

    [Fact]
    public async Task Fire_ThrowsPayloadInvalidListingFields_WhenRequiredFieldMissing()
    {
        var started = await Scenario.StartAsync();

        var error = await Assert.ThrowsAsync<PayloadInvalidException>(() =>
            Scenario.FireAsync(started.InstanceId, "reject", payload: new JsonObject { ["reason"] = "  " }));

        Assert.Equal(["reason"], error.MissingFields);
        Assert.Equal("Submitted", (await Scenario.Database.Open().Set<WorkflowInstance>().SingleAsync()).State);
    }

    [Fact]
    public async Task Fire_ThrowsNotRunning_WhenInstanceCompleted()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "reject", payload: new JsonObject { ["reason"] = "incomplete" });

        await Assert.ThrowsAsync<WorkflowNotRunningException>(() => Scenario.FireAsync(started.InstanceId, "comment"));
    }

    [Fact]
    public async Task Fire_ThrowsNotFound_WhenInstanceUnknown()
    {
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => Scenario.FireAsync(Guid.NewGuid(), "approve"));
    }

    [Fact]
    public async Task Fire_NeverStoresOrJournalsSecrets_WhenPayloadCarriesPinAndConfiguredSecret()
    {
        var started = await Scenario.StartAsync();

        await Scenario.FireAsync(started.InstanceId, "reject", payload: new JsonObject
        {
            ["reason"] = "wrong documents", ["PIN"] = "918273", ["iban"] = "IT60X0542811101000000123456",
            ["contact"] = new JsonObject { ["otp"] = "445566", ["phone"] = "3331234567" },
        });

        await using var db = Scenario.Database.Open();
        var variables = (await db.Set<WorkflowInstance>().SingleAsync()).Variables;
        var summaries = string.Join("\n", await db.Set<JournalEntry>().Select(j => j.Summary).ToListAsync());
        Assert.Contains("wrong documents", variables);
        Assert.Contains("3331234567", variables);
        foreach (var secret in new[] { "918273", "IT60X0542811101000000123456", "445566" })
        {
            Assert.DoesNotContain(secret, variables);
            Assert.DoesNotContain(secret, summaries);
        }
        Assert.Contains("PIN=***", summaries);
    }

    [Fact]
    public async Task Fire_JournalsWhoFromAndTo_WhenTransitionTaken()
    {
        var started = await Scenario.StartAsync(amount: 5000);

        await Scenario.FireAsync(started.InstanceId, "approve", payload: new JsonObject { ["note"] = "ok" });

        await using var db = Scenario.Database.Open();
        var entry = await db.Set<JournalEntry>().SingleAsync(j => j.Kind == JournalKind.Transition);
        Assert.Equal(("u-reviewer", "RSSMRA80A01H501U", "Mario Rossi", "approve", "Submitted", "SecondReview", Scenario.CompanyId),
            (entry.UserId, entry.CodiceFiscale, entry.ActorName, entry.Trigger, entry.FromState, entry.ToState, entry.CompanyId!.Value));
        Assert.Equal("approve: note=\"ok\"", entry.Summary);
    }

    [Fact]
    public async Task Fire_CommitsWithCallersDomainChange_WhenGivenTheCallersDbContext()
    {
        var started = await Scenario.StartAsync();
        await using var db = Scenario.Database.Open();
        (await db.Companies.SingleAsync()).Name = "Rossi Costruzioni spa";

        await Scenario.Engine.FireAsync(db, new FireTrigger(started.InstanceId, "requestChanges", Actors.Reviewer));

        await using var check = Scenario.Database.Open();
        Assert.Equal("Rossi Costruzioni spa", (await check.Companies.SingleAsync()).Name);
        Assert.Equal("AwaitingChanges", (await check.Set<WorkflowInstance>().SingleAsync()).State);
    }

    [Fact]
    public async Task PermittedActions_ListsRoleAndGuardFilteredTriggersWithRequiredFields_ForReviewer()
    {
        var started = await Scenario.StartAsync(amount: 5000);

        var actions = await Scenario.Engine.GetPermittedActionsAsync(started.InstanceId, Actors.Reviewer);

        Assert.Equal(["approve", "comment", "expire", "reject", "requestChanges"], actions.Select(a => a.Trigger).Order());
        Assert.Equal("SecondReview", actions.Single(a => a.Trigger == "approve").To);
        Assert.Equal(["reason"], actions.Single(a => a.Trigger == "reject").Requires);
    }

    [Fact]
    public async Task PermittedActions_ExcludesRoleRestrictedTriggers_ForActorWithoutRole()
    {
        var started = await Scenario.StartAsync();

        var actions = await Scenario.Engine.GetPermittedActionsAsync(started.InstanceId, Actors.Submitter);

        Assert.Equal(["comment", "expire"], actions.Select(a => a.Trigger).Order());
    }

    [Fact]
    public async Task PermittedActions_IncludesEveryTrigger_ForSystemActor()
    {
        var started = await Scenario.StartAsync();

        var actions = await Scenario.Engine.GetPermittedActionsAsync(started.InstanceId, WorkflowActor.System);

        Assert.Equal(5, actions.Count);
    }
}
