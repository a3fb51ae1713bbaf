using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.JobRoom;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Catalogue;

/// <summary>The catalogue's Job-Room support request form, posted as a browser does.</summary>
public sealed partial class SupportRequestFormTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    private const string Path = "/catalogue/support-request";

    [Fact]
    public async Task Catalogue_OffersTheSupportRequest_OnlyToAPersonHoldingAJobRoomAccount()
    {
        var company = await host.CompanyAsync("Sedie Lugano SA");
        using var stranger = await host.ClientAsync(await host.CreatePersonAsync("Rita", "Longhi"));

        var holder = await TestClients.HtmlAsync(await company.Admin.GetAsync("/catalogue"), HttpStatusCode.OK);
        var other = await TestClients.HtmlAsync(await stranger.GetAsync("/catalogue"), HttpStatusCode.OK);

        Assert.Contains($"href=\"{Path}\"", holder);
        Assert.DoesNotContain($"href=\"{Path}\"", other);
    }

    [Fact]
    public async Task SupportRequestForm_GivesAFieldErrorForEachField_AndSendsNothing_WhenTheFormIsEmpty()
    {
        var company = await host.CompanyAsync("Tende Agno SA");

        var html = await TestClients.HtmlAsync(await PostAsync(company.Admin, [], withScreenshot: false), HttpStatusCode.BadRequest);

        Assert.Contains("href=\"#f-uid\"", html);
        Assert.Contains("href=\"#f-description\"", html);
        Assert.Contains("<a href=\"#f-screenshot\">Allegare il file.</a>", html);
        Assert.Equal(0, await SentAsync(company.Uid));
    }

    [Fact]
    public async Task SupportRequestForm_QueuesExactlyOneEmailWithTheScreenshot_AndKeepsNothingElse_WhenTheFormIsComplete()
    {
        var company = await host.CompanyAsync("Lampade Brissago SA");

        var response = await PostAsync(company.Admin, new() { ["uid"] = company.Uid, ["description"] = "La pagina di login resta bianca." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Richiesta di assistenza inviata a jobroom@alv.admin.ch",
            await TestClients.HtmlAsync(await company.Admin.GetAsync(response.Headers.Location), HttpStatusCode.OK));
        var sent = await host.QueryAsync(db => db.Set<OutboxMessage>().Include(m => m.Attachments)
            .SingleAsync(m => m.Template == SupportRequests.Template && m.Subject.Contains(company.Uid)));
        Assert.Equal("jobroom@alv.admin.ch", sent.To);
        Assert.Contains("La pagina di login resta bianca.", sent.TextBody);
        Assert.Equal("screenshot.png", Assert.Single(sent.Attachments).FileName);
    }

    [Fact]
    public async Task SupportRequestForm_RefusesTheUidOfAnotherCompany_KeepsWhatWasTyped_AndSendsNothing()
    {
        var mine = await host.CompanyAsync("Pane Bellinzona SA");
        var theirs = await host.CompanyAsync("Formaggi Airolo SA");

        var html = await TestClients.HtmlAsync(
            await PostAsync(mine.Admin, new() { ["uid"] = theirs.Uid, ["description"] = "Non vedo i periodi di conteggio." }), HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#f-uid\">Non hai conti né richieste per questo numero IDI.</a>", html);
        Assert.Contains("Non vedo i periodi di conteggio.", html);
        Assert.Equal(0, await SentAsync(theirs.Uid));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, bool withScreenshot = true)
    {
        var page = await client.GetStringAsync(Path);
        var form = new MultipartFormDataContent { { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (withScreenshot) form.Add(new ByteArrayContent(JobRoomScenario.Png), "screenshot", "schermata.png");
        return await client.PostAsync(Path, form);
    }

    private Task<int> SentAsync(string uid) =>
        host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Template == SupportRequests.Template && m.Subject.Contains(uid)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
