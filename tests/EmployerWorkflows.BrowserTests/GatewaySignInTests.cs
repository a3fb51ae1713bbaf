using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.TestIdentityProvider;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GatewaySignInTests(Chromium chromium) : GatewayScenario(chromium)
{
    private const string NewPerson = "PRVTST90A01A944G";

    [Fact]
    public async Task GatewaySignIn_CreatesThePersonFromTheClaims_WhenLevelIsTwo()
    {
        var page = await OpenAsync();
        await SignInThroughGatewayAsync(page, identity: NewPerson, level: 2);

        await page.ArrivedAtAsync("/$");
        await Expect(page.Locator(".who")).ToContainTextAsync(NewPerson);
        await using var db = Db();
        var person = await db.Users.SingleAsync(u => u.CodiceFiscale == NewPerson);
        Assert.Equal(("Tecla", "Prova", "tecla.prova@example.org"), (person.FirstName, person.LastName, person.Email));
        Assert.NotNull(person.LastLoginAt);
    }

    [Fact]
    public async Task GatewaySignIn_IsRefusedAndCreatesNobody_WhenLevelIsOne()
    {
        var page = await OpenAsync();
        await SignInThroughGatewayAsync(page, identity: NewPerson, level: 1);

        await page.ArrivedAtAsync("/account/gateway/refused");
        await Expect(page.Locator(".refusal")).ToContainTextAsync("SPID di livello 2 o superiore, CIE o CNS");
        await ScreenshotAsync(page, "gateway-level-1-refused");
        await AssertRefusedAndNobodyCreatedAsync(NewPerson, nameof(GatewayRefusal.LevelTooLow));
    }

    [Fact]
    public async Task GatewaySignIn_FindsThePersonsCompanies_WhenCodiceFiscaleMatchesAnExistingAccount()
    {
        var withPassword = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(withPassword);

        var page = await OpenAsync();
        await SignInThroughGatewayAsync(page, identity: LegalRepresentative, level: 3);

        await page.ArrivedAtAsync("/$");
        await page.VisitAsync("/procedures");
        await Expect(page.Locator(".procedure")).ToContainTextAsync("Officine Esempio");
        await using var db = Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.CodiceFiscale == LegalRepresentative));
    }

    [Theory]
    [InlineData(TokenFaults.WrongAudience, nameof(GatewayRefusal.TokenRejected))]
    [InlineData(TokenFaults.UnknownIssuer, nameof(GatewayRefusal.TokenRejected))]
    [InlineData(TokenFaults.Expired, nameof(GatewayRefusal.TokenRejected))]
    [InlineData(TokenFaults.Tampered, nameof(GatewayRefusal.TokenRejected))]
    [InlineData(TokenFaults.WrongNonce, nameof(GatewayRefusal.TokenRejected))]
    [InlineData(TokenFaults.MissingCodiceFiscale, nameof(GatewayRefusal.MissingCodiceFiscale))]
    public async Task GatewaySignIn_IsRefusedAndCreatesNobody_WhenTheTokenIsBad(string fault, string refusal)
    {
        var page = await OpenAsync();
        await SignInThroughGatewayAsync(page, identity: NewPerson, fault: fault);

        Assert.True(page.Url.Contains($"/account/gateway/refused?reason={refusal}", StringComparison.Ordinal),
            $"{page.Url}; refusals recorded: {await RefusalsAsync()}");
        await Expect(page.Locator(".refusal")).Not.ToBeEmptyAsync();
        await AssertRefusedAndNobodyCreatedAsync(NewPerson, refusal);
        await using var db = Db();
        Assert.Equal(0, await db.Users.CountAsync(u => u.CodiceFiscale == "RSSMRA85M01H501Q"));
    }

    [Fact]
    public async Task GatewaySignIn_IsRefusedAndCreatesNobody_WhenTheCodiceFiscaleFailsTheCheck()
    {
        var page = await OpenAsync();
        await SignInThroughGatewayAsync(page, typedCodiceFiscale: "PRVTST90A01A944A");

        await page.ArrivedAtAsync("/account/gateway/refused");
        await Expect(page.Locator(".refusal")).ToContainTextAsync("non è valido");
        await AssertRefusedAndNobodyCreatedAsync("PRVTST90A01A944A", nameof(GatewayRefusal.InvalidCodiceFiscale));
    }

    [Fact]
    public async Task GatewayCallback_IsRefused_WhenTheSameAnswerIsReplayed()
    {
        var page = await OpenAsync();
        var callback = page.WaitForRequestAsync(r => r.Url.Contains("/signin-spid"));
        await SignInThroughGatewayAsync(page, identity: NewPerson);
        var answer = (await callback).Url;
        await page.ArrivedAtAsync("/$");

        await page.VisitAsync(answer);

        await page.ArrivedAtAsync($"/account/gateway/refused\\?reason={nameof(GatewayRefusal.StateRejected)}");
        await using var db = Db();
        Assert.True(await db.Set<JournalEntry>().AnyAsync(e => e.Trigger == SignInRefusals.Operation && e.Summary.Contains(nameof(GatewayRefusal.StateRejected))));
    }

    private async Task AssertRefusedAndNobodyCreatedAsync(string codiceFiscale, string refusal)
    {
        await using var db = Db();
        Assert.Equal(0, await db.Users.CountAsync(u => u.CodiceFiscale == codiceFiscale));
        Assert.True(await db.Set<JournalEntry>().AnyAsync(e => e.Trigger == SignInRefusals.Operation && e.Summary.Contains(refusal)),
            $"no journal entry for the refusal {refusal}");
    }

    private async Task<string> RefusalsAsync()
    {
        await using var db = Db();
        var summaries = await db.Set<JournalEntry>().Where(e => e.Trigger == SignInRefusals.Operation).Select(e => e.Summary).ToListAsync();
        return string.Join(" | ", summaries);
    }

    private AppDbContext Db() => App.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
}
