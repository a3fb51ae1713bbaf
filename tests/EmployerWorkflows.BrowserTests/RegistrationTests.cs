using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task Registration_ActivatesCompany_WhenReviewerApprovesInBrowser()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        await Expect(company.Locator(".next-step")).ToContainTextAsync("5 giorni lavorativi");
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("In verifica dall'agenzia");
        await Expect(company.Locator(".procedure .waiting")).ToContainTextAsync("esito atteso entro il 21/11/2026");
        await ScreenshotAsync(company, "my-procedures-submitted");

        var reviewer = await LoginAsync(Reviewer);
        await reviewer.GotoAsync("/inbox");
        await ScreenshotAsync(reviewer, "inbox");
        await CompanySteps.OpenReviewTaskAsync(reviewer);
        await Expect(reviewer.Locator("dl.company")).ToContainTextAsync(CompanySteps.CompanyCf);
        await Expect(reviewer.Locator(".mermaid svg")).ToBeVisibleAsync();
        await ScreenshotAsync(reviewer, "task-review");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/inbox");
        await Expect(reviewer.Locator("tr[data-task]", new() { HasText = "Officine Esempio Srl" })).ToHaveCountAsync(0);

        await company.ReloadAsync();
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("Approvata");
        await company.GotoAsync("/notifications");
        await Expect(company.Locator("table.notifications")).ToContainTextAsync("Registrazione approvata");
        await ScreenshotAsync(company, "notifications");
    }
}
