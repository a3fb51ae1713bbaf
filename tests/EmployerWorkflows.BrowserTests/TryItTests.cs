using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TryItTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string DesignerCodiceFiscale = "DSGPRC88D44H501C";
    private const string Variables = """{ "companyId": "5f0c7a52-3f53-4d8e-9a43-1c1e5b7d2a10", "applicant": { "userId": "u1", "email": "anna@example.org", "name": "Anna Prova" } }""";

    [Fact]
    public async Task TryPage_RunsTheProcedureWithAFakeClock_AndSendsNothing_WhenDesignerTriesIt()
    {
        var page = await LoginAsync(DesignerCodiceFiscale);
        await page.VisitAsync("/designer/sample-procedure/try");
        await AssertEveryInputLabelledAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Torna all'editor" })).ToHaveAttributeAsync("href", "/designer/sample-procedure");

        var variables = page.GetByLabel("Variabili iniziali (JSON, facoltative)");
        await variables.FillAsync("{ \"applicant\": ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avvia la prova" }).ClickAsync();
        await Expect(page.Locator("#variables-error")).ToContainTextAsync("devono essere un oggetto JSON");
        await Expect(variables).ToHaveValueAsync("{ \"applicant\": ");
        await Expect(page.Locator("#sandbox-run")).ToBeHiddenAsync();

        await variables.FillAsync(Variables);
        await page.GetByRole(AriaRole.Button, new() { Name = "Avvia la prova" }).ClickAsync();
        await Expect(page.Locator(".sandbox-banner")).ToContainTextAsync("Prova: nessuna email viene inviata, nessuna azienda è coinvolta.");
        await Expect(page.Locator("#sandbox-state")).ToHaveAttributeAsync("data-state", "Submitted");
        await Expect(page.Locator("#sandbox-clock")).ToHaveTextAsync("16/11/2026 08:00");
        await Expect(page.Locator("#sandbox-emails details")).ToHaveCountAsync(1);
        await Expect(CurrentInDiagram(page)).ToContainTextAsync("Inviata");
        await ScreenshotAsync(page, "try-started");

        // A trigger that needs a reason is refused without one; what was typed stays.
        var requestIntegration = page.Locator("#sandbox-actions button[data-trigger=requestIntegration]");
        await Expect(requestIntegration).ToContainTextAsync("Chiedi integrazione → In attesa di integrazione");
        await requestIntegration.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mancano dati obbligatori.");
        await Expect(page.Locator("#payload-error")).ToContainTextAsync("reason");
        await page.GetByLabel("Dati dell'azione", new() { Exact = false }).FillAsync("""{ "reason": "Manca la visura." }""");
        await requestIntegration.ClickAsync();
        await Expect(page.Locator("#sandbox-state")).ToHaveAttributeAsync("data-state", "AwaitingIntegration");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("«Chiedi integrazione» eseguita");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        await Expect(page.Locator("#sandbox-timers")).ToContainTextAsync("Termine scaduto");
        await Expect(page.Locator("#sandbox-timers")).ToContainTextAsync("26/11/2026 08:00");

        await page.GetByRole(AriaRole.Button, new() { Name = "+7 giorni" }).ClickAsync();
        await Expect(page.Locator("#sandbox-clock")).ToHaveTextAsync("23/11/2026 08:00");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("stato invariato");
        await Expect(page.Locator("#sandbox-state")).ToHaveAttributeAsync("data-state", "AwaitingIntegration");
        await Expect(CurrentInDiagram(page)).ToContainTextAsync("In attesa di integrazione");

        var duration = page.GetByLabel("Fai avanzare il tempo di", new() { Exact = false });
        await duration.FillAsync("dieci giorni");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fai avanzare il tempo", Exact = true }).ClickAsync();
        await Expect(page.Locator("#duration-error")).ToContainTextAsync("Indica una durata ISO-8601");
        await Expect(duration).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(duration).ToHaveValueAsync("dieci giorni");

        await duration.FillAsync("P3DT1M");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fai avanzare il tempo", Exact = true }).ClickAsync();
        await Expect(page.Locator("#sandbox-state")).ToHaveAttributeAsync("data-state", "Expired");
        await Expect(page.Locator("#sandbox-state")).ToHaveTextAsync("Scaduta (Expired)");
        await Expect(page.Locator("#sandbox-clock")).ToHaveTextAsync("26/11/2026 08:01");
        await Expect(CurrentInDiagram(page)).ToContainTextAsync("Scaduta");
        await Expect(page.Locator("#duration-error")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("In attesa di integrazione (AwaitingIntegration) → Scaduta (Expired)");
        await Expect(page.Locator("#sandbox-actions")).ToContainTextAsync("La prova è finita");

        // The acknowledgement, the reminders of day 3 and day 6 and the expiry notice, listed but never sent.
        var emails = page.Locator("#sandbox-emails details");
        await Expect(emails).ToHaveCountAsync(4);
        await Expect(emails.Last).ToContainTextAsync("anna@example.org");
        await emails.Last.Locator("summary").ClickAsync();
        await Expect(emails.Last.Locator("pre")).ToBeVisibleAsync();
        await Expect(page.Locator("#sandbox-journal")).ToContainTextAsync("Termine scaduto: In attesa di integrazione (AwaitingIntegration) → Scaduta (Expired)");
        await ScreenshotAsync(page, "try-expired");

        using (var scope = App.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Ricomincia" }).ClickAsync();
        await Expect(page.Locator("#sandbox-state")).ToHaveAttributeAsync("data-state", "Submitted");
        await Expect(page.Locator("#sandbox-clock")).ToHaveTextAsync("16/11/2026 08:00");
        await Expect(page.Locator("#sandbox-emails details")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Chiudi la prova" }).ClickAsync();
        await Expect(page.Locator("#sandbox-run")).ToBeHiddenAsync();
        await Expect(variables).ToHaveValueAsync(Variables);
    }

    [Fact]
    public async Task TryPage_JumpsToATimer_WhenDesignerAsksInEnglish()
    {
        var page = await LoginAsync(DesignerCodiceFiscale);
        await page.VisitAsync("/language/en?returnUrl=/designer/sample-procedure/try");
        await page.GetByLabel("Initial variables (JSON, optional)").FillAsync(Variables);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the trial run" }).ClickAsync();
        await Expect(page.Locator(".sandbox-banner")).ToContainTextAsync("Trial run: no email is sent, no company is involved.");
        await page.GetByLabel("Action data", new() { Exact = false }).FillAsync("""{ "reason": "Missing paper." }""");
        await page.Locator("#sandbox-actions button[data-trigger=requestIntegration]").ClickAsync();
        var deadline = page.Locator("#sandbox-timers tr", new() { HasText = "Deadline passed" });

        await deadline.GetByRole(AriaRole.Button, new() { Name = "Go to when it is due" }).ClickAsync();

        await Expect(page.Locator("#sandbox-state")).ToHaveTextAsync("Expired (Expired)");
        await Expect(page.Locator("#sandbox-clock")).ToHaveTextAsync("26/11/2026 08:00");
        await Expect(CurrentInDiagram(page)).ToContainTextAsync("Expired");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Awaiting more information (AwaitingIntegration) → Expired (Expired)");
        await Expect(page.Locator("#sandbox-emails details")).ToHaveCountAsync(4);
    }

    private static ILocator CurrentInDiagram(IPage page) => page.Locator("#sandbox-diagram svg g.current");
}
