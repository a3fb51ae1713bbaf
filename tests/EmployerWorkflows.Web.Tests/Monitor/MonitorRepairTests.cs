using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Monitor;

public sealed class MonitorRepairTests : MonitorHost
{
    /// <summary>Version 2 of the review procedure: the state Open is now called Review.</summary>
    private Task PublishRenamedAsync() => PublishAsync(Review.Replace("\"Open\"", "\"Review\""));

    [Fact]
    public async Task MigrateCheckApi_ReportsUnmappedStateAndChangesNothing_WhenCurrentStateIsMissingInTarget()
    {
        var started = await StartReviewAsync();
        await PublishRenamedAsync();
        var op = await Operator();

        var response = await op.PostAsJsonAsync($"/api/instances/{started.InstanceId}/migrate/check", new { targetVersion = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.False(check.GetProperty("valid").GetBoolean());
        var problem = check.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal(("CurrentStateUnmapped", "Open"), (problem.GetProperty("code").GetString(), problem.GetProperty("state").GetString()));
        var (instance, journal) = await InstanceAsync(started.InstanceId);
        Assert.Equal((1, "Open", started.Version), (instance.DefinitionVersion, instance.State, instance.Version));
        Assert.DoesNotContain(JournalKind.Migration, journal);
    }

    [Fact]
    public async Task MigratePage_ShowsProblemOnCheck_ThenMigrates_WhenStateIsMapped()
    {
        var started = await StartReviewAsync();
        await PublishRenamedAsync();
        var op = await Operator();
        var page = $"/monitor/{started.InstanceId}";

        var form = await HtmlAsync(await op.GetAsync($"{page}?migrateTo=2"), HttpStatusCode.OK);
        var check = await HtmlAsync(await PostFormAsync(op, page, "CheckMigration",
            new() { ["targetVersion"] = "2", ["mapping[Open]"] = "" }), HttpStatusCode.OK);
        var moved = await PostFormAsync(op, page, "Migrate", new() { ["targetVersion"] = "2", ["mapping[Open]"] = "Review" });

        Assert.Contains("name=\"mapping[Open]\"", form);
        Assert.Contains("data-problem=\"CurrentStateUnmapped\"", check);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var (instance, journal) = await InstanceAsync(started.InstanceId);
        Assert.Equal((2, "Review", InstanceStatus.Running), (instance.DefinitionVersion, instance.State, instance.Status));
        Assert.Contains(JournalKind.Migration, journal);
        Assert.Contains("Pratica spostata sulla versione 2", await PageAsync(op, page));
    }

    [Fact]
    public async Task CancelPage_IsRefusedAndChangesNothing_WhenReasonIsEmpty()
    {
        var started = await StartReviewAsync();
        var op = await Operator();

        var html = await HtmlAsync(await PostFormAsync(op, $"/monitor/{started.InstanceId}", "Cancel",
            new() { ["reason"] = "  ", ["confirmed"] = "true" }), HttpStatusCode.BadRequest);

        Assert.Contains("Il campo «Motivo» è obbligatorio.", html);
        var (instance, journal) = await InstanceAsync(started.InstanceId);
        Assert.Equal((InstanceStatus.Running, started.Version), (instance.Status, instance.Version));
        Assert.DoesNotContain(JournalKind.Cancel, journal);
    }

    [Fact]
    public async Task CancelPage_AsksToConfirmThenCancels_WhenReasonIsGiven()
    {
        var started = await StartReviewAsync();
        var op = await Operator();
        var page = $"/monitor/{started.InstanceId}";

        var confirm = await HtmlAsync(await PostFormAsync(op, page, "Cancel", new() { ["reason"] = "Avviata per errore" }), HttpStatusCode.OK);
        var unchanged = (await InstanceAsync(started.InstanceId)).Instance.Status;
        var done = await PostFormAsync(op, page, "Cancel", new() { ["reason"] = "Avviata per errore", ["confirmed"] = "true" });

        Assert.Contains("Sì, annulla la pratica", confirm);
        Assert.Equal(InstanceStatus.Running, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (instance, journal) = await InstanceAsync(started.InstanceId);
        Assert.Equal(InstanceStatus.Cancelled, instance.Status);
        Assert.Equal(JournalKind.Cancel, journal[^1]);
    }

    [Fact]
    public async Task RetryPage_SaysTheCauseIsStillThere_WhenRetryFailsAgain()
    {
        var faulted = await StartFaultedAsync();
        var op = await Operator();
        var page = $"/monitor/{faulted.InstanceId}";

        var retried = await PostFormAsync(op, page, "Retry", new() { ["incidentId"] = faulted.IncidentId!.Value.ToString() });
        var html = await PageAsync(op, page);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Contains("Il nuovo tentativo non è riuscito", html);
        var (instance, journal) = await InstanceAsync(faulted.InstanceId);
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal(2, journal.Count(k => k == JournalKind.Incident));
        Assert.Equal([JournalKind.Retry, JournalKind.Incident], journal.TakeLast(2));
    }
}
