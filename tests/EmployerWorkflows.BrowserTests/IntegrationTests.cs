using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class IntegrationTests(Chromium chromium) : BrowserScenario(chromium)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Registration_GoesBackToReview_WhenCompanyAnswersIntegrationRequest()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var reviewer = await LoginAsync(Reviewer);
        await CompanySteps.OpenReviewTaskAsync(reviewer);

        // The reason is mandatory for this action: refused next to the field and in the summary, nothing sent.
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Chiedi integrazione" }).ClickAsync();
        await Expect(reviewer.Locator("#error-summary")).ToContainTextAsync("Motivazione");
        await Expect(reviewer.Locator("#f-reason-error")).ToBeVisibleAsync();
        await Expect(reviewer.GetByLabel("Motivazione")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(reviewer.Locator("#error-summary")).ToBeFocusedAsync();
        await ScreenshotAsync(reviewer, "task-reason-required");

        await reviewer.GetByLabel("Motivazione").FillAsync("Manca la visura camerale.");
        await reviewer.GetByLabel("Documento mancante").SelectOptionAsync("chamberExtract");
        // While the server works the form says so and ignores a second submit (a synthetic submit event: it runs the
        // page's handler without sending anything).
        var secondIgnored = await reviewer.Locator(".task-form").EvaluateAsync<bool>("""
            f => {
                f.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
                const again = new Event('submit', { bubbles: true, cancelable: true });
                f.dispatchEvent(again);
                return again.defaultPrevented;
            }
            """);
        Assert.True(secondIgnored);
        await Expect(reviewer.Locator(".task-form .progress-note")).ToBeVisibleAsync();
        await Expect(reviewer.Locator(".task-form")).ToHaveAttributeAsync("aria-busy", "true");
        await reviewer.Locator(".task-form").EvaluateAsync("f => { f.dataset.busy = 'false'; }");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Chiedi integrazione" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");

        await company.VisitAsync("/procedures");
        var expected = company.Locator(".procedure .expected");
        await Expect(expected).ToContainTextAsync("Integra la registrazione dell'azienda");
        await Expect(expected).ToContainTextAsync("entro il 01/12/2026 (15 giorni rimasti)");
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("In attesa di integrazione");
        await ScreenshotAsync(company, "my-procedures-integration");
        await expected.GetByRole(AriaRole.Link).ClickAsync();
        // The task says what the agency asked for and takes the document it named.
        await Expect(company.Locator("#f-agencyReason")).ToHaveTextAsync("Manca la visura camerale.");
        await Expect(company.Locator("#f-agencyRequestedDocument")).ToHaveTextAsync("Visura camerale");
        await company.GetByLabel("Carica il documento richiesto").SetInputFilesAsync(
            new FilePayload { Name = "visura-aggiornata.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await company.GetByLabel("Messaggio per l'agenzia").FillAsync("Allegata la visura, corretti i dati.");
        await company.GetByLabel("Denominazione").FillAsync("Officine Esempio S.r.l.");
        await company.GetByLabel("CAP").FillAsync("401");
        await company.GetByRole(AriaRole.Button, new() { Name = "Invia l'integrazione" }).ClickAsync();
        await Expect(company.Locator("#f-registeredOffice-postalCode-error")).ToHaveTextAsync("Il CAP deve avere 5 cifre.");
        await ScreenshotAsync(company, "task-integration-errors");
        await company.GetByLabel("CAP").FillAsync("40121");
        // A page refused for another field does not keep a chosen file: it is chosen again.
        await company.GetByLabel("Carica il documento richiesto").SetInputFilesAsync(
            new FilePayload { Name = "visura-aggiornata.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await company.GetByRole(AriaRole.Button, new() { Name = "Invia l'integrazione" }).ClickAsync();
        await company.ArrivedAtAsync("/procedures$");
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("In verifica dall'agenzia");

        await CompanySteps.OpenReviewTaskAsync(reviewer, "Officine Esempio S.r.l.");
        await Expect(reviewer.Locator("table.history")).ToContainTextAsync("Invia l'integrazione: In attesa di integrazione → In verifica dall'agenzia");
        await Expect(reviewer.Locator("table.history")).Not.ToContainTextAsync("resubmit");
        await Expect(reviewer.Locator(".document a[download]", new() { HasText = "visura-aggiornata.pdf" })).ToBeVisibleAsync();
        // The history speaks in words; the raw start variables stay in the audit API.
        await Expect(reviewer.Locator("table.history")).ToContainTextAsync("Pratica avviata");
        await Expect(reviewer.Locator("table.history")).Not.ToContainTextAsync("submitter=");
        await Expect(reviewer.Locator("dl.company")).ToContainTextAsync("Officine Esempio S.r.l.");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Approva" })).ToBeVisibleAsync();
    }
}
