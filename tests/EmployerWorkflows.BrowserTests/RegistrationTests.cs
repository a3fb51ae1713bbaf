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
        // Each wizard step is checked before the next one opens.
        await company.VisitAsync("/procedures/register");
        await company.GetByLabel("Codice fiscale dell’azienda").FillAsync("12345670372");
        await company.GetByRole(AriaRole.Button, new() { Name = "Avanti" }).ClickAsync();
        await Expect(company.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Passo 1 di 4: Azienda" })).ToBeVisibleAsync();
        await Expect(company.Locator("#error-summary li")).ToHaveCountAsync(3);
        await Expect(company.Locator("#f-name-error")).ToContainTextAsync("Denominazione");
        await Expect(company.GetByLabel("Codice fiscale dell’azienda")).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(company, "wizard-step-errors");
        await CompanySteps.RegisterCompanyAsync(company);
        await Expect(company.Locator(".next-step")).ToContainTextAsync("5 giorni lavorativi");
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("In verifica dall'agenzia");
        await Expect(company.Locator(".procedure .waiting")).ToContainTextAsync("esito atteso entro il 21/11/2026");
        await ScreenshotAsync(company, "my-procedures-submitted");

        var reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        await ScreenshotAsync(reviewer, "inbox");
        await AssertEveryInputLabelledAsync(reviewer);
        await CompanySteps.OpenReviewTaskAsync(reviewer);
        await Expect(reviewer.Locator("dl.company")).ToContainTextAsync(CompanySteps.CompanyCf);
        await Expect(reviewer.Locator(".mermaid svg")).ToBeVisibleAsync();
        await ScreenshotAsync(reviewer, "task-review");
        await AssertEveryInputLabelledAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");
        await Expect(reviewer.Locator("tr[data-task]", new() { HasText = "Officine Esempio Srl" })).ToHaveCountAsync(0);

        await company.ReloadAsync();
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("Approvata");
        await company.VisitAsync("/notifications");
        await Expect(company.Locator("table.notifications")).ToContainTextAsync("Registrazione approvata");
        await ScreenshotAsync(company, "notifications");
    }
}
