using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmployerWorkflows.Web.Tests.Hosting.TestClients;

namespace EmployerWorkflows.Web.Tests.Procedures;

/// <summary>The task page says what an action did and what follows, and asks again before a rejection.</summary>
public sealed partial class ReviewFeedbackTests : CompanyScenario
{
    [Fact]
    public async Task TaskPage_SaysNewStateWhoActsNextAndTheDeadline_WhenReviewerRequestsIntegration()
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();
        var due = App.Clock.GetUtcNow().AddDays(15).ToLocalTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var sent = await PostTaskAsync(reviewer, companyId, "requestIntegration", confirmed: null);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var inbox = await HtmlAsync(await reviewer.GetAsync(sent.Headers.Location!), HttpStatusCode.OK);
        Assert.Contains("«Chiedi integrazione» registrato. La pratica «Registrazione azienda» è ora nello stato «In attesa di integrazione». "
                        + $"Ora tocca all'azienda (Lucia Legale): «Integra la registrazione dell'azienda»; ha 15 giorni, scadenza {due}.", inbox);
        Assert.DoesNotContain("Operazione registrata", inbox);
    }

    [Fact]
    public async Task TaskPage_AsksForConfirmationAndChangesNothing_WhenReviewerFirstRejects()
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();

        var asked = await HtmlAsync(await PostTaskAsync(reviewer, companyId, "reject", confirmed: null), HttpStatusCode.OK);

        Assert.Contains("Confermi «Respingi»?", asked);
        Assert.Contains("La pratica passerà allo stato «Respinta» e si concluderà: non si potrà tornare indietro.", asked);
        Assert.Contains("<input type=\"hidden\" name=\"confirmed\" value=\"reject\" />", asked);
        Assert.Equal("UnderReview", await StateAsync(companyId));
    }

    [Fact]
    public async Task TaskPage_Rejects_WhenReviewerConfirms()
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();

        var confirmed = await PostTaskAsync(reviewer, companyId, "reject", confirmed: "reject");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Rejected", await StateAsync(companyId));
        Assert.Contains("La pratica è conclusa", await HtmlAsync(await reviewer.GetAsync(confirmed.Headers.Location!), HttpStatusCode.OK));
    }

    [Fact]
    public async Task Resubmission_ShowsTheCompanysMessageToTheReviewer_AndSaysIntegrationReceivedNotRequestReceived()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        Assert.Single(await MailsAsync(1, "Richiesta di registrazione ricevuta"));
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "requestIntegration",
            new System.Text.Json.Nodes.JsonObject { ["reason"] = "Manca la visura camerale." }), HttpStatusCode.OK);

        await ReadAsync(await submitter.PostAsJsonAsync($"/api/company-registrations/{companyId}/resubmit",
            new { company = Input() with { CodiceFiscale = null }, message = "Allegata la visura di ottobre." }), HttpStatusCode.OK);

        Assert.Single(await MailsAsync(1, "Integrazione ricevuta"));
        await OutboxDrain.AllDeliveredAsync(App.Services);
        Assert.Single(Mailbox.Messages(), m => m.Subject?.Contains("Richiesta di registrazione ricevuta") == true);
        var taskId = (await TaskForAsync(reviewer, companyId)).GetProperty("task").GetProperty("id").GetGuid();
        var review = await HtmlAsync(await reviewer.GetAsync($"/tasks/{taskId}"), HttpStatusCode.OK);
        Assert.Contains("<p class=\"info-value\" id=\"f-resubmissionMessage\">Allegata la visura di ottobre.</p>", review);
    }

    [Fact]
    public async Task FirstReview_ShowsNoCompanyMessage_WhenNothingWasResubmitted()
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();
        var taskId = (await TaskForAsync(reviewer, companyId)).GetProperty("task").GetProperty("id").GetGuid();

        Assert.DoesNotContain("f-resubmissionMessage", await HtmlAsync(await reviewer.GetAsync($"/tasks/{taskId}"), HttpStatusCode.OK));
    }

    private async Task<HttpResponseMessage> PostTaskAsync(HttpClient reviewer, Guid companyId, string action, string? confirmed)
    {
        var taskId = (await TaskForAsync(reviewer, companyId)).GetProperty("task").GetProperty("id").GetGuid();
        var page = await reviewer.GetStringAsync($"/tasks/{taskId}");
        var fields = new Dictionary<string, string>
        {
            ["expectedVersion"] = ExpectedVersion().Match(page).Groups[1].Value, ["action"] = action, ["reason"] = "Manca la visura camerale.",
        };
        if (confirmed is not null) fields["confirmed"] = confirmed;
        return await PostFormAsync(reviewer, $"/tasks/{taskId}", "", fields);
    }

    private async Task<string> StateAsync(Guid companyId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<WorkflowInstance>().SingleAsync(i => i.CompanyId == companyId)).State;
    }

    [GeneratedRegex("name=\"expectedVersion\" value=\"(\\d+)\"")]
    private static partial Regex ExpectedVersion();
}
