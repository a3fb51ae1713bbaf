using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.JobRoom;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Catalogue;

/// <summary>«Avvia una pratica»: what each person is offered, and the Job-Room account start form posted as a browser does.</summary>
public sealed partial class CatalogueTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    [Fact]
    public async Task Catalogue_OffersRegistrationAndJobRoomAccount_ButNoDeskViews_WhenACompanyPersonIsSignedIn()
    {
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Lia", "Ferrari"));

        var html = await TestClients.HtmlAsync(await person.GetAsync("/catalogue"), HttpStatusCode.OK);

        Assert.Equal(["company-registration", "power-of-attorney"], Procedures(html)); // no Job-Room account yet: no renewal
        Assert.Contains("href=\"/catalogue/jobroom-account\"", html);
        Assert.DoesNotContain("seco-desk-views", html);
    }

    [Fact]
    public async Task Catalogue_ShowsInboxPresetsOfTheSecoProcedures_WhenTheSecoDeskIsSignedIn()
    {
        using var seco = await host.SecoDeskAsync();

        var html = await TestClients.HtmlAsync(await seco.GetAsync("/catalogue"), HttpStatusCode.OK);

        var presets = DeskViews().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["power-of-attorney", "jobroom-access-request", "kae-ffe-write-rights", "kae-ffe-correction-deadline"], presets);
        Assert.Contains("href=\"/inbox?procedure=power-of-attorney\"", html);
        Assert.Equal(HttpStatusCode.OK, (await seco.GetAsync("/inbox?procedure=power-of-attorney")).StatusCode);
    }

    [Fact]
    public async Task Catalogue_SendsToLogin_WhenNobodyIsSignedIn()
    {
        using var anonymous = host.Anonymous();

        var response = await anonymous.GetAsync("/catalogue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task JobRoomAccountStart_ShowsTheFormFieldsWithTheSeedsInstructions_InEnglish()
    {
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Tom", "Keller", "en"), "en");

        var html = await TestClients.HtmlAsync(await person.GetAsync("/catalogue/jobroom-account"), HttpStatusCode.OK);

        Assert.Contains("Employer's UID", html);
        Assert.Contains("People working for a fiduciary register with their own employer's UID.", html);
        Assert.Contains("name=\"email\"", html);
    }

    [Fact]
    public async Task JobRoomAccountStart_GivesAFieldErrorForUidAndEmail_AndStartsNothing_WhenTheFormIsEmpty()
    {
        var cf = await host.CreatePersonAsync("Ada", "Rossi");
        using var person = await host.ClientAsync(cf);

        var html = await TestClients.HtmlAsync(await PostStartAsync(person, []), HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#f-uid\">Il campo «Numero IDI del datore di lavoro» è obbligatorio.</a>", html);
        Assert.Contains("<a href=\"#f-email\">Il campo «Indirizzo e-mail per Job-Room» è obbligatorio.</a>", html);
        Assert.Equal(0, await AccountsOfAsync(cf));
    }

    [Fact]
    public async Task JobRoomAccountStart_NamesTheCheckDigit_AndKeepsWhatWasTyped_WhenTheUidIsWrong()
    {
        var cf = await host.CreatePersonAsync("Bruno", "Galli", "en");
        using var person = await host.ClientAsync(cf, "en");

        var html = await TestClients.HtmlAsync(await PostStartAsync(person, new() { ["uid"] = "CHE-109.322.552", ["email"] = "bruno@example.ch" }),
            HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#f-uid\">The check digit of the UID is wrong.</a>", html);
        Assert.Contains("value=\"CHE-109.322.552\"", html);
        Assert.Contains("value=\"bruno@example.ch\"", html);
        Assert.Equal(0, await AccountsOfAsync(cf));
    }

    [Fact]
    public async Task JobRoomAccountStart_RefusesTheUid_WhenItIsNotInTheUidRegister()
    {
        var cf = await host.CreatePersonAsync("Carla", "Moretti");
        using var person = await host.ClientAsync(cf);

        var html = await TestClients.HtmlAsync(await PostStartAsync(person, new() { ["uid"] = JobRoomHost.NewUid(), ["email"] = "carla@example.ch" }),
            HttpStatusCode.BadRequest);

        Assert.Contains("<a href=\"#f-uid\">Questo numero IDI non è nel registro IDI.</a>", html);
        Assert.Equal(0, await AccountsOfAsync(cf));
    }

    [Fact]
    public async Task JobRoomAccountStart_StartsThePowerOfAttorneyWithItsLetter_WhenTheUidHasNoAccountYet()
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, "Orologi Verzasca SA");
        var cf = await host.CreatePersonAsync("Dario", "Bianchi");
        using var person = await host.ClientAsync(cf);

        var response = await PostStartAsync(person, new() { ["uid"] = uid, ["email"] = "dario@example.ch" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var instanceId = Guid.Parse(response.Headers.Location!.OriginalString.Split("submitted=")[1]);
        var instance = await host.InstanceAsync(instanceId);
        Assert.Equal(("power-of-attorney", "LetterToDispatch"), (instance.DefinitionId, instance.State));
        var letter = await host.QueryAsync(db => db.Set<InstanceDocument>().SingleAsync(d => d.InstanceId == instanceId && d.Name == ProcuraLetter.DocumentName));
        Assert.True(PdfText.Contains(letter.Content, "Orologi Verzasca SA") && PdfText.Contains(letter.Content, uid));
        var next = await TestClients.HtmlAsync(await person.GetAsync(response.Headers.Location), HttpStatusCode.OK);
        Assert.Contains("SECO spedirà una procura all'indirizzo del registro IDI", next);
    }

    [Fact]
    public async Task JobRoomAccountStart_AsksTheMainAdministrator_AndTheirApprovalFromTheTaskPageActivatesTheAccount()
    {
        var company = await host.CompanyAsync("Battelli Ceresio SA");
        var cf = await host.CreatePersonAsync("Ivo", "Pini");
        using var colleague = await host.ClientAsync(cf);

        var response = await PostStartAsync(colleague, new() { ["uid"] = company.Uid, ["email"] = "ivo@example.ch" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var instanceId = Guid.Parse(response.Headers.Location!.OriginalString.Split("submitted=")[1]);
        Assert.Equal("jobroom-access-request", (await host.InstanceAsync(instanceId)).DefinitionId);
        var adminPage = await TestClients.HtmlAsync(await company.Admin.GetAsync($"/jobroom/uids/{company.Uid}"), HttpStatusCode.OK);
        Assert.Contains("Approva o rifiuta la richiesta di accesso", adminPage);
        Assert.Equal(HttpStatusCode.Redirect, (await TaskPaths.PostPageAsync(company.Admin, instanceId, "approve")).StatusCode);
        Assert.Equal(JobRoomAccountStatus.Active, await host.QueryAsync(db => db.Set<JobRoomAccount>()
            .Where(a => a.RequestInstanceId == instanceId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task JobRoomAccountStart_SaysARequestIsPending_AndStartsNoSecondOne_WhenTheSameUidIsAskedTwice()
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, "Doppio Sagl");
        var cf = await host.CreatePersonAsync("Elena", "Conti");
        using var person = await host.ClientAsync(cf);
        Assert.Equal(HttpStatusCode.Redirect, (await PostStartAsync(person, new() { ["uid"] = uid, ["email"] = "elena@example.ch" })).StatusCode);

        var html = await TestClients.HtmlAsync(await PostStartAsync(person, new() { ["uid"] = uid, ["email"] = "elena@example.ch" }),
            HttpStatusCode.Conflict);

        Assert.Contains("Hai già un conto o una richiesta in corso per questo IDI.", html);
        var companyId = await host.QueryAsync(db => db.Set<JobRoomAccount>().Where(a => a.Uid == SwissUid.Parse(uid).Value).Select(a => a.RegisterEntryId).SingleAsync());
        Assert.Equal(1, await host.QueryAsync(db => db.Set<WorkflowInstance>().CountAsync(i => i.CompanyId == companyId)));
    }

    [Fact]
    public async Task UidPage_ShowsTheAccountTheProcuraStepAndTheLetter_ToTheRequesterAndTheSecoDesk()
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, "Funivie Ticino SA");
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Fabio", "Neri"));
        var started = await PostStartAsync(person, new() { ["uid"] = uid, ["email"] = "fabio@example.ch" });
        var instanceId = started.Headers.Location!.OriginalString.Split("submitted=")[1];
        using var seco = await host.SecoDeskAsync();

        var catalogue = await TestClients.HtmlAsync(await person.GetAsync("/catalogue"), HttpStatusCode.OK);
        var own = await TestClients.HtmlAsync(await person.GetAsync($"/jobroom/uids/{uid}"), HttpStatusCode.OK);
        var desk = await TestClients.HtmlAsync(await seco.GetAsync($"/jobroom/uids/{uid}"), HttpStatusCode.OK);

        Assert.Contains($"href=\"/jobroom/uids/{uid}\"", catalogue);
        foreach (var html in new[] { own, desk })
        {
            Assert.Contains("fabio@example.ch", html);
            Assert.Contains("In attesa della procura", html);
            Assert.Contains($"data-instance=\"{instanceId}\" data-procedure=\"power-of-attorney\"", html);
            Assert.Contains($"procura-{SwissUid.Parse(uid).Value}.pdf", html);
        }
        Assert.Contains("Stampa e spedisci la procura all'indirizzo del registro IDI", desk);
    }

    [Fact]
    public async Task UidPage_AnswersNotFound_ForTheUidOfAnotherCompany()
    {
        var (mine, theirs) = (JobRoomHost.NewUid(), JobRoomHost.NewUid());
        await host.RegisterCompanyAsync(mine, "Mia Sagl");
        await host.RegisterCompanyAsync(theirs, "Altrui SA");
        using var person = await host.ClientAsync(await host.CreatePersonAsync("Gino", "Sala"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostStartAsync(person, new() { ["uid"] = mine, ["email"] = "gino@example.ch" })).StatusCode);

        var response = await person.GetAsync($"/jobroom/uids/{theirs}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Altrui SA", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(theirs, await TestClients.HtmlAsync(await person.GetAsync("/catalogue"), HttpStatusCode.OK));
    }

    private static async Task<HttpResponseMessage> PostStartAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/catalogue/jobroom-account");
        var form = new MultipartFormDataContent { { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync("/catalogue/jobroom-account", form);
    }

    private Task<int> AccountsOfAsync(string codiceFiscale) =>
        host.QueryAsync(db => db.Set<JobRoomAccount>().CountAsync(a => db.Users.Any(u => u.Id == a.UserId && u.CodiceFiscale == codiceFiscale)));

    private static List<string> Procedures(string html) => CatalogueItem().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<li class=\"card mb-3\" data-procedure=\"([^\"]+)\"")]
    private static partial Regex CatalogueItem();

    [GeneratedRegex("data-desk-view=\"([^\"]+)\"")]
    private static partial Regex DeskViews();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
