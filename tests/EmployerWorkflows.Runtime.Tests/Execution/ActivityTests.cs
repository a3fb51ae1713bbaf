using System.Text;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

public sealed class ActivityTests : ReviewScenarioTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Scenario.Host.PublishAsync(TestDefinitions.DocumentNotice);
    }

    private async Task<Guid> StartNoticeAsync(params string[] uploads)
    {
        var started = await Scenario.Engine.StartAsync(new StartWorkflow("document-notice", null, new JsonObject
        {
            ["applicant"] = new JsonObject { ["email"] = "anna.neri@example.it", ["language"] = "it" },
            ["documentName"] = "powerOfAttorney",
        }, null, Actors.CompanyId, Actors.Submitter));
        await using var db = Scenario.Database.Open();
        foreach (var name in uploads)
        {
            InstanceDocuments.Add(db, started.InstanceId, Actors.CompanyId, name, $"{name}.pdf", "application/pdf",
                Encoding.ASCII.GetBytes($"%PDF-1.7 {name}"), "u-submitter", RuntimeHost.Start);
        }
        await db.SaveChangesAsync();
        return started.InstanceId;
    }

    [Fact]
    public async Task SendEmail_AttachesNamedInstanceDocuments_WhenTheyExist()
    {
        var instanceId = await StartNoticeAsync("powerOfAttorney", "receipt", "unrelated");

        await Scenario.FireAsync(instanceId, "send", Actors.Submitter);

        await using var db = Scenario.Database.Open();
        var mail = await db.Set<OutboxMessage>().Include(m => m.Attachments).SingleAsync();
        Assert.Equal(["powerOfAttorney.pdf", "receipt.pdf"], mail.Attachments.Select(a => a.FileName).Order());
        Assert.Equal("%PDF-1.7 receipt", Encoding.ASCII.GetString(mail.Attachments.Single(a => a.FileName == "receipt.pdf").Content));
    }

    [Fact]
    public async Task SendEmail_RaisesIncidentNamingMissingDocument_WhenAttachmentAbsent()
    {
        var instanceId = await StartNoticeAsync("receipt");

        var result = await Scenario.FireAsync(instanceId, "send", Actors.Submitter);

        Assert.Equal(InstanceStatus.Faulted, result.Status);
        await using var db = Scenario.Database.Open();
        Assert.Contains("powerOfAttorney", (await db.Set<Incident>().SingleAsync()).Message);
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Invoke_RaisesIncidentListingInputProblem_WhenInputHasWrongType()
    {
        var variables = Scenario.Variables();
        variables["companyId"] = 42;
        var started = await Scenario.Engine.StartAsync(new StartWorkflow("review", null, variables, null, null, Actors.Submitter));

        var result = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(InstanceStatus.Faulted, result.Status);
        await using var db = Scenario.Database.Open();
        var incident = await db.Set<Incident>().SingleAsync();
        Assert.Equal(("activate", "invoke"), (incident.ActivityId, incident.ActivityKind));
        Assert.Contains("'companyId' must be guid, got 42", incident.Message);
    }

    [Fact]
    public async Task Invoke_PassesNumberInput_WhenPayloadNumberWasBuiltInCode()
    {
        var started = await Scenario.StartAsync();

        var result = await Scenario.FireAsync(started.InstanceId, "approve", payload: new JsonObject { ["amount"] = 7 });

        Assert.Equal(InstanceStatus.Completed, result.Status);
        await using var db = Scenario.Database.Open();
        var variables = JsonNode.Parse((await db.Set<WorkflowInstance>().SingleAsync()).Variables)!;
        Assert.Equal(7m, variables["activation"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Start_FaultsNewInstanceWithIncident_WhenInitialEntryActivityFails()
    {
        var variables = Scenario.Variables();
        variables["submitter"] = "not an address";

        var result = await Scenario.Engine.StartAsync(new StartWorkflow("review", null, variables, null, null, Actors.Submitter));

        Assert.Equal((InstanceStatus.Faulted, "Submitted"), (result.Status, result.State));
        await using var db = Scenario.Database.Open();
        Assert.Equal(("ack", "sendEmail", null), await db.Set<Incident>().Select(i => ValueTuple.Create(i.ActivityId, i.ActivityKind, i.Trigger)).SingleAsync());
        Assert.Equal(0, await db.Set<WorkflowTask>().CountAsync());
    }

    [Fact]
    public async Task Retry_RunsInitialEntryActivitiesAgain_WhenStartHadFailed()
    {
        var variables = Scenario.Variables();
        variables["submitter"] = "not an address";
        var failed = await Scenario.Engine.StartAsync(new StartWorkflow("review", null, variables, null, null, Actors.Submitter));
        await using (var db = Scenario.Database.Open())
        {
            // The operator corrects the data that broke the start, as a support tool would.
            var instance = await db.Set<WorkflowInstance>().SingleAsync();
            instance.Variables = Scenario.Variables().ToJsonString();
            await db.SaveChangesAsync();
        }

        var retried = await Scenario.Engine.RetryAsync(failed.IncidentId!.Value, Actors.Operator);

        Assert.Equal((InstanceStatus.Running, "Submitted"), (retried.Status, retried.State));
        await using var check = Scenario.Database.Open();
        Assert.Equal(1, await check.Set<WorkflowTask>().CountAsync(t => t.Status == WorkflowTaskStatus.Open));
        Assert.Equal(1, await check.Set<OutboxMessage>().CountAsync());
    }
}
