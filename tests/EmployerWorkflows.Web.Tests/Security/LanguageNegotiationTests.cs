using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>Any English the browser asks for is answered in English, and remembered for the emails sent later.</summary>
[Collection(SecurityCollection.Name)]
public sealed class LanguageNegotiationTests(SharedHost host) : CompanyScenario(host)
{
    [Theory]
    [InlineData("en")]
    [InlineData("en-US,en;q=0.9")]
    [InlineData("en-GB")]
    [InlineData("de-CH, en;q=0.5")]
    public async Task LoginPage_SpeaksEnglish_WhenBrowserAsksForAnyEnglish(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await TestClients.HtmlAsync(await TestClients.Anonymous(App).SendAsync(request), HttpStatusCode.OK);

        Assert.Contains("<h1>Log in</h1>", html);
    }

    [Fact]
    public async Task LoginPage_SpeaksItalian_WhenBrowserAsksForAnotherLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr-FR");

        var html = await TestClients.HtmlAsync(await TestClients.Anonymous(App).SendAsync(request), HttpStatusCode.OK);

        Assert.Contains("<h1>Accesso</h1>", html);
    }

    [Fact]
    public async Task Registration_AnswersAndMailsInEnglish_WhenBrowserSaysEnUs()
    {
        var submitter = await Submitter();
        submitter.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");

        var created = await ReadAsync(await submitter.PostAsJsonAsync("/api/company-registrations", new { company = Input() }), HttpStatusCode.Created);

        Assert.StartsWith("Request sent", created.GetProperty("nextStep").GetString());
        var mail = Assert.Single(await MailsAsync(1, "Registration request received"));
        Assert.Equal(RepresentativeEmail, mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Person_GetsLaterEmailsInEnglish_WhenSwitchedToEnglishAfterTheProcedureStarted()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        Assert.Single(await MailsAsync(1, "Richiesta di registrazione ricevuta"));
        await submitter.GetAsync("/language/en?returnUrl=/procedures");

        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);

        var approved = Assert.Single(await MailsAsync(1, "Registration approved"));
        Assert.Equal(RepresentativeEmail, approved.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Person_KeepsTheLanguageLastAskedFor_WhenBrowserOrSwitchChangesIt()
    {
        var person = await Submitter();
        person.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US");

        await person.GetAsync("/procedures");
        var afterBrowser = await StoredLanguageAsync();
        await person.GetAsync("/language/it?returnUrl=/procedures");
        var afterSwitch = await StoredLanguageAsync();

        Assert.Equal(("en", "it"), (afterBrowser, afterSwitch));
    }

    private async Task<string> StoredLanguageAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.CodiceFiscale == Representative).Select(u => u.PreferredLanguage).SingleAsync();
    }
}
