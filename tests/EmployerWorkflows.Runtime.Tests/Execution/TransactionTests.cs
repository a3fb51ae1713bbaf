using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

/// <summary>
/// One transition, one transaction. A failing activity rolls the whole transition back; the instance is then
/// faulted and the incident recorded in a second transaction, so the failure is visible but leaves no half step.
/// </summary>
public sealed class TransactionTests : ReviewScenarioTest
{
    [Fact]
    public async Task Fire_LeavesNoTraceOfTransition_WhenOperationThrowsAfterChangingData()
    {
        var started = await Scenario.StartAsync();
        var before = await Scenario.FootprintAsync();
        Scenario.Host.Fault.Message = "Registry service unavailable";

        var result = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(InstanceStatus.Faulted, result.Status);
        await using var db = Scenario.Database.Open();
        Assert.False((await db.Companies.SingleAsync()).Active);
        Assert.Equal(WorkflowTaskStatus.Open, (await db.Set<WorkflowTask>().SingleAsync()).Status);
        Assert.Equal(TimerStatus.Pending, (await db.Set<WorkflowTimer>().SingleAsync()).Status);
        Assert.Equal(0, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Transition || j.Kind == JournalKind.Operation));
        Assert.Equal(1, await db.Set<Outbox.OutboxMessage>().CountAsync()); // the approval mail queued before the failure is gone
        // Only the status, version and the incident's journal line differ from before the command.
        var after = await Scenario.FootprintAsync();
        Assert.Equal(before.Replace("Submitted/Running/1", "Submitted/Faulted/2").Replace("journal=1", "journal=2"), after);
    }

    [Fact]
    public async Task Fire_FaultsInstanceWithIncident_WhenOperationThrows()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "Registry service unavailable";

        var result = await Scenario.FireAsync(started.InstanceId, "approve");

        await using var db = Scenario.Database.Open();
        var incident = await db.Set<Incident>().SingleAsync();
        Assert.Equal(result.IncidentId, incident.Id);
        Assert.Equal(("activate", "invoke", "approve", "Submitted", RuntimeHost.Start),
            (incident.ActivityId, incident.ActivityKind, incident.Trigger, incident.FromState, incident.At));
        Assert.Contains("Registry service unavailable", incident.Message);
        Assert.Null(incident.ResolvedAt);
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Incident));
    }

    [Fact]
    public async Task Fire_FaultsWithTemplateIncident_WhenEmailTemplateFails()
    {
        await Scenario.Host.PublishAsync(TestDefinitions.BrokenTemplate);
        var started = await Scenario.Engine.StartAsync(new StartWorkflow("broken-mail", null, null, null, null, Actors.Submitter));

        var result = await Scenario.FireAsync(started.InstanceId, "notify");

        Assert.Equal((InstanceStatus.Faulted, "Waiting"), (result.Status, result.State));
        await using var db = Scenario.Database.Open();
        var incident = await db.Set<Incident>().SingleAsync();
        Assert.Equal(("notice", "sendEmail"), (incident.ActivityId, incident.ActivityKind));
        Assert.Contains("unclosed tag", incident.Message);
        Assert.Equal(0, await db.Set<Outbox.OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Fire_ThrowsActivityFailedAndSavesNothing_WhenRunOnCallersDbContext()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "Registry service unavailable";
        var before = await Scenario.FootprintAsync();

        await using (var db = Scenario.Database.Open())
        {
            db.Companies.Add(new TestCompany { Id = Guid.NewGuid(), Name = "Domain change" });
            var error = await Assert.ThrowsAsync<WorkflowActivityFailedException>(() =>
                Scenario.Engine.FireAsync(db, new FireTrigger(started.InstanceId, "approve", Actors.Reviewer)));
            Assert.Equal("activate", error.ActivityId);
        }

        Assert.Equal(before, await Scenario.FootprintAsync());
        await using var check = Scenario.Database.Open();
        Assert.Equal(1, await check.Companies.CountAsync());
    }

    [Fact]
    public async Task Retry_CompletesFailedTransition_WhenOperationStopsFailing()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "Registry service unavailable";
        var faulted = await Scenario.FireAsync(started.InstanceId, "approve");
        Scenario.Host.Fault.Message = null;

        var retried = await Scenario.Engine.RetryAsync(faulted.IncidentId!.Value, Actors.Operator);

        Assert.Equal(("Activating", InstanceStatus.Completed), (retried.State, retried.Status));
        await using var db = Scenario.Database.Open();
        Assert.True((await db.Companies.SingleAsync()).Active);
        var incident = await db.Set<Incident>().SingleAsync();
        Assert.Equal("retried by Giovanna Bianchi", incident.Resolution);
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Retry && j.UserId == "u-operator"));
    }

    [Fact]
    public async Task Retry_RecordsNewIncident_WhenOperationStillFails()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "Registry service unavailable";
        var faulted = await Scenario.FireAsync(started.InstanceId, "approve");

        var retried = await Scenario.Engine.RetryAsync(faulted.IncidentId!.Value, Actors.Operator);

        Assert.Equal(InstanceStatus.Faulted, retried.Status);
        Assert.NotEqual(faulted.IncidentId, retried.IncidentId);
        await using var db = Scenario.Database.Open();
        Assert.Equal(1, await db.Set<Incident>().CountAsync(i => i.ResolvedAt == null));
        Assert.False((await db.Companies.SingleAsync()).Active);
    }

    [Fact]
    public async Task Fire_ThrowsNotRunning_WhenInstanceFaulted()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "down";
        await Scenario.FireAsync(started.InstanceId, "approve");

        var error = await Assert.ThrowsAsync<WorkflowNotRunningException>(() => Scenario.FireAsync(started.InstanceId, "reject"));

        Assert.Equal(InstanceStatus.Faulted, error.Status);
    }

    [Fact]
    public async Task Cancel_CancelsInstanceTasksTimersAndIncident_WhenFaulted()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Fault.Message = "down";
        await Scenario.FireAsync(started.InstanceId, "approve");

        var cancelled = await Scenario.Engine.CancelAsync(started.InstanceId, Actors.Operator, "duplicate request");

        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        await using var db = Scenario.Database.Open();
        Assert.Equal((WorkflowTaskStatus.Cancelled, "cancelled"), await db.Set<WorkflowTask>().Select(t => ValueTuple.Create(t.Status, t.Outcome)).SingleAsync());
        Assert.Equal(TimerStatus.Cancelled, (await db.Set<WorkflowTimer>().SingleAsync()).Status);
        Assert.StartsWith("cancelled by Giovanna Bianchi", (await db.Set<Incident>().SingleAsync()).Resolution);
        var journal = await db.Set<JournalEntry>().SingleAsync(j => j.Kind == JournalKind.Cancel);
        Assert.Equal(("u-operator", "cancelled: duplicate request"), (journal.UserId, journal.Summary));
    }

    [Fact]
    public async Task Cancel_ThrowsNotRunning_WhenAlreadyCompleted()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "approve");

        await Assert.ThrowsAsync<WorkflowNotRunningException>(() => Scenario.Engine.CancelAsync(started.InstanceId, Actors.Operator, "late"));
    }
}
