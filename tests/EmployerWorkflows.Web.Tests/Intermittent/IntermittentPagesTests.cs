using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>The pages go through the same rules as the API: a draft, a refused line, a sent communication, the cancellation page, the help desk's list.</summary>
[Collection(IntermittentCollection.Name)]
public sealed partial class IntermittentPagesTests(IntermittentHost host)
{
    [Fact]
    public async Task Pages_DraftLineSendAndCancellation_FollowTheRules()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Pagine Bar");
        var created = await TestClients.PostFormAsync(admin, "/intermittent", "New", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editor = created.Headers.Location!.OriginalString;
        var worker = IntermittentHost.NewWorkerCf();

        var past = await TestClients.HtmlAsync(await TestClients.PostFormAsync(admin, editor, "Line", new()
        {
            ["workerCf"] = worker, ["startDate"] = IntermittentHost.Day(host.Today.AddDays(-1)), ["version"] = await VersionAsync(admin, editor),
        }), HttpStatusCode.OK);
        Assert.Contains("non può essere nel passato", past);

        var saved = await TestClients.HtmlAsync(await TestClients.PostFormAsync(admin, editor, "Line", new()
        {
            ["workerCf"] = worker, ["startDate"] = IntermittentHost.Day(host.Today.AddDays(1)), ["version"] = await VersionAsync(admin, editor),
        }), HttpStatusCode.OK);
        Assert.Contains("senza codice comunicazione", saved);
        Assert.Contains("Da comunicare prima dell'inizio della prestazione", saved);

        var sent = await TestClients.PostFormAsync(admin, editor, "Send", new() { ["confirm"] = "true", ["version"] = await VersionAsync(admin, editor) });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var view = await TestClients.HtmlAsync(await admin.GetAsync(editor), HttpStatusCode.OK);
        var number = Number().Match(view).Groups[1].Value;
        Assert.Matches("^[0-9]{15}$", number);

        var list = await TestClients.HtmlAsync(await admin.GetAsync("/intermittent?filter=inviate"), HttpStatusCode.OK);
        Assert.Contains(number, list);
        var id = editor.Split('/').Last();
        var cancel = await TestClients.HtmlAsync(await admin.GetAsync($"/intermittent/cancel?ids={id}"), HttpStatusCode.OK);
        Assert.Contains(worker, cancel);
        Assert.Contains("name=\"callIds\"", cancel);
    }

    [Fact]
    public async Task RegistrationsPage_ListsPendingRequests_ForTheHelpDesk()
    {
        var (companyId, _, adminCf, admin) = await host.CompanyAsync("Pagine Hotel");
        await IntermittentHost.JsonAsync(await admin.PostAsync("/api/intermittent/registrations",
            IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf)), HttpStatusCode.Created);
        using var helpDesk = await host.HelpDeskAsync();

        var html = await TestClients.HtmlAsync(await helpDesk.GetAsync("/intermittent/registrations"), HttpStatusCode.OK);
        var forbidden = await admin.GetAsync("/intermittent/registrations");

        Assert.Contains(adminCf, html);
        Assert.Contains("/tasks/", html);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    private static async Task<string> VersionAsync(HttpClient client, string page) =>
        Version().Match(await client.GetStringAsync(page)).Groups[1].Value;

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("class=\"communication-number\">([0-9]+)<")]
    private static partial Regex Number();
}
