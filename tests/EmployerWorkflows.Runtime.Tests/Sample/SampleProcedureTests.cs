using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Sample;

/// <summary>The shipped <c>workflows/sample-procedure.workflow.json</c>, imported from disk and driven to an end.</summary>
public sealed class SampleProcedureTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RuntimeHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = SampleHost.Create(_database);
        // Only the sample file: other definitions of the folder need the application's operations.
        var folder = Path.Combine(_database.Folder, "workflows");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepositoryFolders.Workflows, "sample-procedure.workflow.json"), Path.Combine(folder, "sample-procedure.workflow.json"));
        var report = await _host.Store.ImportDirectoryAsync(folder);
        Assert.Empty(report.Failed);
        Assert.Equal("sample-procedure", Assert.Single(report.Imported).DefinitionId);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    private Task<WorkflowResult> StartAsync() => _host.Engine.StartAsync(new StartWorkflow("sample-procedure", null, new JsonObject
    {
        ["applicant"] = new JsonObject
        {
            ["email"] = "luigi.verdi@example.it", ["name"] = "Luigi Verdi", ["language"] = "en", ["userId"] = "u-submitter",
        },
        ["company"] = new JsonObject { ["name"] = "Rossi Costruzioni srl" },
        ["companyId"] = Actors.CompanyId.ToString(),
    }, "SAMPLE-1", Actors.CompanyId, Actors.Submitter));

    [Fact]
    public async Task SampleProcedure_ExpiresAfterRemindersAndDeadline_WhenIntegrationNeverArrives()
    {
        var started = await StartAsync();
        await _host.Engine.FireAsync(new FireTrigger(started.InstanceId, "requestIntegration", Actors.Reviewer,
            new JsonObject { ["reason"] = "chamber of commerce extract missing" }));

        var reminders = new List<int>();
        foreach (var days in new[] { 3, 3, 4 })
        {
            _host.Clock.Advance(TimeSpan.FromDays(days));
            reminders.Add((await _host.Sweep.RunAsync()).Reminders);
        }

        Assert.Equal([1, 1, 0], reminders);
        await using var db = _database.Open();
        var instance = await db.Set<WorkflowInstance>().SingleAsync();
        Assert.Equal(("Expired", InstanceStatus.Completed, RuntimeHost.Start.AddDays(10)), (instance.State, instance.Status, instance.CompletedAt!.Value));

        var tasks = await db.Set<WorkflowTask>().OrderBy(t => t.CreatedAt).ToListAsync();
        Assert.Equal(
            [("review", "AgencyReviewer", null, "requestIntegration", "u-reviewer"), ("integrate", null, "u-submitter", "expire", null)],
            tasks.Select(t => (t.ActivityId, t.Role, t.AssigneeUserId, t.Outcome, t.ClosedByUserId)).ToList());
        Assert.All(tasks, t => Assert.Equal(WorkflowTaskStatus.Completed, t.Status));

        var mails = await db.Set<OutboxMessage>().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
        Assert.Equal(["sample-received", "sample-reminder", "sample-reminder", "sample-outcome"], mails.Select(m => m.Template));
        Assert.All(mails, m => Assert.Equal(("luigi.verdi@example.it", "en", "u-submitter"), (m.To, m.Language, m.RecipientUserId)));
        Assert.Equal("Request received: Rossi Costruzioni srl", mails[0].Subject);
        Assert.Contains("within 5 working days", mails[0].TextBody);
        Assert.Contains("Reason: chamber of commerce extract missing", mails[1].TextBody);
        Assert.Contains("the request expired", mails[3].TextBody);

        var journal = await db.Set<JournalEntry>().OrderBy(j => j.Id)
            .Select(j => ValueTuple.Create(j.Kind, j.Trigger, j.ToState)).ToListAsync();
        Assert.Equal(
            [(JournalKind.Started, null, "Submitted"), (JournalKind.Transition, "requestIntegration", "AwaitingIntegration"),
             (JournalKind.Reminder, null, "AwaitingIntegration"), (JournalKind.Reminder, null, "AwaitingIntegration"),
             (JournalKind.Transition, "expire", "Expired")],
            journal);
    }

    [Fact]
    public async Task SampleProcedure_IssuesReceiptAndNotifies_WhenApproved()
    {
        var started = await StartAsync();

        var approved = await _host.Engine.FireAsync(new FireTrigger(started.InstanceId, "approve", Actors.Reviewer));

        Assert.Equal(("Approved", InstanceStatus.Completed), (approved.State, approved.Status));
        await using var db = _database.Open();
        var variables = JsonNode.Parse((await db.Set<WorkflowInstance>().SingleAsync()).Variables)!;
        var number = variables["receipt"]!["number"]!.GetValue<string>();
        Assert.StartsWith("R-2026-", number);
        var outcome = await db.Set<OutboxMessage>().SingleAsync(m => m.Template == "sample-outcome");
        Assert.Contains($"approved (receipt {number})", outcome.TextBody);
        Assert.Contains("<p>", outcome.HtmlBody);
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Domain && j.Summary.Contains(number)));
        Assert.Equal(1, await db.Set<JournalEntry>().CountAsync(j => j.Kind == JournalKind.Operation && j.Summary == "receipt.issue: receipt"));
    }

    [Fact]
    public async Task SampleProcedure_RendersItalian_WhenRecipientHasNoLanguage()
    {
        var started = await _host.Engine.StartAsync(new StartWorkflow("sample-procedure", null, new JsonObject
        {
            ["applicant"] = "anna.neri@example.it",
            ["company"] = new JsonObject { ["name"] = "Neri spa" },
            ["companyId"] = Actors.CompanyId.ToString(),
        }, null, null, Actors.Submitter));

        await using var db = _database.Open();
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.InstanceId == started.InstanceId);
        Assert.Equal(("it", "Richiesta ricevuta: Neri spa"), (mail.Language, mail.Subject));
    }
}
