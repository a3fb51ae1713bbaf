using System.Net;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Workflows;

/// <summary>
/// The shipped sample definition, imported by the host at start-up like every file in workflows/, driven to its
/// end on real SQLite: a reviewer's task, a timer and reminders on the clock, an operation, and the emails read
/// back from a real SMTP server.
/// </summary>
public sealed class SampleProcedureTests : CompanyScenario
{
    [Fact]
    public async Task SampleProcedure_ReachesApproved_AndItsEmailsArriveOverSmtp()
    {
        var instance = await StartAsync();
        var received = (await MailsAsync(1, "Request received")).Single();
        Assert.Equal("luigi.verdi@example.it", received.To.Mailboxes.Single().Address);

        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskOfAsync(reviewer, instance), "approve"), HttpStatusCode.OK);

        var outcome = (await MailsAsync(1, "Outcome of the request")).Single();
        Assert.Matches(@"approved \(receipt R-\d{4}-[0-9A-F]{8}\)", outcome.TextBody);
    }

    [Fact]
    public async Task SampleProcedure_Expires_AfterRemindersWhenNoIntegrationArrives()
    {
        var instance = await StartAsync();
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskOfAsync(reviewer, instance), "requestIntegration",
            new JsonObject { ["reason"] = "Missing chamber extract" }), HttpStatusCode.OK);
        for (var day = 0; day < 11; day++) await AdvanceAsync(TimeSpan.FromDays(1));

        var reminders = await MailsAsync(2, "Reminder");
        Assert.True(reminders.Count == 2, string.Join(" | ", reminders.Select(m => $"{m.MessageId} {m.Date:O}")));
        Assert.Contains("expired", (await MailsAsync(1, "Outcome of the request")).Single().TextBody);
    }

    private async Task<Guid> StartAsync()
    {
        using var scope = App.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().StartAsync(new StartWorkflow("sample-procedure", null,
            new JsonObject
            {
                ["applicant"] = new JsonObject { ["email"] = "luigi.verdi@example.it", ["name"] = "Luigi Verdi", ["language"] = "en", ["userId"] = "u-1" },
                ["company"] = new JsonObject { ["name"] = "Rossi Costruzioni srl" },
                ["companyId"] = Guid.NewGuid().ToString(),
            }, "SAMPLE-1", null, WorkflowActor.System));
        return result.InstanceId;
    }

    private static async Task<System.Text.Json.JsonElement> TaskOfAsync(HttpClient client, Guid instanceId)
    {
        var tasks = await ReadAsync(await client.GetAsync("/api/tasks?limit=200"), HttpStatusCode.OK);
        var task = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("instanceId").GetGuid() == instanceId);
        return await ReadAsync(await client.GetAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
    }
}
