using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.JobRoom;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Catalogue;

/// <summary>The catalogue's KAE-FFE renewal start form, posted as a browser does.</summary>
public sealed partial class RenewalStartFormTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    private const string Path = "/catalogue/kae-ffe-renewal";

    [Fact]
    public async Task Catalogue_OffersTheKaeFfeRenewal_OnlyToAPersonHoldingAJobRoomAccount()
    {
        var company = await host.CompanyAsync("Vetri Mendrisio SA");
        using var stranger = await host.ClientAsync(await host.CreatePersonAsync("Nina", "Bassi"));

        var holder = await TestClients.HtmlAsync(await company.Admin.GetAsync("/catalogue"), HttpStatusCode.OK);
        var other = await TestClients.HtmlAsync(await stranger.GetAsync("/catalogue"), HttpStatusCode.OK);

        Assert.Contains("data-procedure=\"kae-ffe-write-rights\"", holder);
        Assert.Contains($"href=\"{Path}\"", holder);
        Assert.DoesNotContain("data-procedure=\"kae-ffe-write-rights\"", other);
    }

    [Fact]
    public async Task KaeFfeRenewalStart_ShowsTheSeedsInstructions_InEnglish()
    {
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Tim", "Weber", "en"), "en");

        var html = await TestClients.HtmlAsync(await person.GetAsync(Path), HttpStatusCode.OK);

        Assert.Contains("take a screenshot of the whole screen with the error message", html);
        Assert.Contains("An extension of the deadline is asked from the competent unemployment fund.", html);
        Assert.Contains("name=\"deadline\"", html);
    }

    [Fact]
    public async Task KaeFfeRenewalStart_GivesAFieldErrorForTheUid_AndStartsNothing_WhenTheFormIsEmpty()
    {
        var company = await host.CompanyAsync("Marmi Arzo SA");

        var html = await TestClients.HtmlAsync(await PostAsync(company.Admin, []), HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#f-uid\">Il campo «Numero IDI del datore di lavoro» è obbligatorio.</a>", html);
        Assert.Equal(0, await RenewalsAsync(company.Uid));
    }

    [Fact]
    public async Task KaeFfeRenewalStart_KeepsWhatWasTyped_WhenTheDeadlineIsInThePast()
    {
        var company = await host.CompanyAsync("Ceramiche Riva SA");

        var response = await PostAsync(company.Admin, new() { ["uid"] = company.Uid, ["deadline"] = "2020-01-31" });

        var html = await TestClients.HtmlAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("id=\"start-refused\"", html);
        Assert.Contains($"value=\"{company.Uid}\"", html);
        Assert.Contains("value=\"2020-01-31\"", html);
        Assert.Equal(0, await RenewalsAsync(company.Uid));
    }

    [Fact]
    public async Task KaeFfeRenewalStart_StartsExactlyOneRenewal_AndRefusesASecondWhileItRuns()
    {
        var company = await host.CompanyAsync("Legnami Blenio SA");

        var first = await PostAsync(company.Admin, new() { ["uid"] = company.Uid });
        var second = await PostAsync(company.Admin, new() { ["uid"] = company.Uid });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var instanceId = Guid.Parse(first.Headers.Location!.OriginalString.Split("submitted=")[1]);
        Assert.Equal(WriteRightsProcedures.Definition, (await host.InstanceAsync(instanceId)).DefinitionId);
        Assert.Contains("Rinnovo avviato", await TestClients.HtmlAsync(await company.Admin.GetAsync(first.Headers.Location), HttpStatusCode.OK));
        Assert.Contains("Per questo IDI è già in corso un rinnovo dei diritti di scrittura.", await TestClients.HtmlAsync(second, HttpStatusCode.Conflict));
        Assert.Equal(1, await RenewalsAsync(company.Uid));
    }

    [Fact]
    public async Task KaeFfeRenewalStart_IsRefusedAndStartsNothing_ForTheUidOfAnotherCompany()
    {
        var mine = await host.CompanyAsync("Mio Vino Sagl");
        var theirs = await host.CompanyAsync("Loro Olio SA");

        var html = await TestClients.HtmlAsync(await PostAsync(mine.Admin, new() { ["uid"] = theirs.Uid }), HttpStatusCode.BadRequest);

        Assert.Contains("id=\"start-refused\"", html);
        Assert.Contains("Chiedi prima un conto Job-Room collegato a questo numero IDI.", html);
        Assert.Equal(0, await RenewalsAsync(theirs.Uid));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(Path);
        var form = new MultipartFormDataContent { { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync(Path, form);
    }

    private Task<int> RenewalsAsync(string uid) =>
        host.QueryAsync(db => db.Set<WriteRightsProcedure>().CountAsync(p => p.Uid == SwissUid.Parse(uid).Value));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
