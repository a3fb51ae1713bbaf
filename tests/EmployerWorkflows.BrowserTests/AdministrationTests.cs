using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task Administrator_EditsDataUnitsAndPeople_WithOnlyAllowedProfilesOffered()
    {
        var admin = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(admin);
        var reviewer = await LoginAsync(Reviewer);
        await CompanySteps.OpenReviewTaskAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");

        await admin.VisitAsync("/companies");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Officine Esempio Srl" }).ClickAsync();
        await Expect(admin.GetByLabel("Codice fiscale", new() { Exact = true })).ToHaveAttributeAsync("readonly", "");
        await admin.GetByLabel("Denominazione").FillAsync("Officine Esempio S.r.l.");
        await admin.GetByLabel("CAP").FillAsync("4012");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await Expect(admin.Locator("#f-registeredOffice-postalCode-error")).ToHaveTextAsync("Il CAP deve avere 5 cifre.");
        await Expect(admin.Locator("#error-summary")).ToContainTextAsync("Il CAP deve avere 5 cifre.");
        await admin.GetByLabel("CAP").FillAsync("40121");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Dati dell'azienda salvati.");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Officine Esempio S.r.l.");
        await admin.GetByLabel("Nuova unità").FillAsync("Sede di Modena");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Aggiungi" }).ClickAsync();
        await Expect(admin.Locator("ul.units input[name=name]")).ToHaveCountAsync(2);
        await ScreenshotAsync(admin, "company-administration");

        var collaborator = await PersonAsync("CLBRTR");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Amministratori e collaboratori" }).ClickAsync();
        // «Gestione Prospetti inf. e CIG» exists only on units: never offered on the whole group.
        await Expect(admin.GetByLabel("Gestione Prospetti inf. e CIG — Gruppo (tutta l'azienda)")).ToHaveCountAsync(0);
        await Expect(admin.GetByLabel("Gestione Prospetti inf. e CIG — Sede di Modena")).ToHaveCountAsync(1);
        // The convention profile needs a company in the conventions: not offered here.
        await Expect(admin.Locator("input[value^='amministratore-convenzionati@']")).ToHaveCountAsync(0);
        await admin.GetByLabel("Codice fiscale della persona").FillAsync(collaborator);
        await admin.GetByLabel("Autorizzato al trattamento dei dati personali").CheckAsync();
        await admin.GetByLabel("Gestione Prospetti inf. e CIG — Sede di Modena").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Abilita" }).ClickAsync();
        var row = admin.Locator($"tr[data-person='{collaborator}']");
        await Expect(row).ToContainTextAsync("Gestione Prospetti inf. e CIG (Sede di Modena)");

        await row.GetByLabel("Data di fine del rapporto").FillAsync("2026-11-16");
        await row.GetByRole(AriaRole.Button, new() { Name = "Registra" }).ClickAsync();
        // Ending a relationship is asked for twice: the first answer names the revocation deadline and changes nothing.
        await Expect(admin.Locator("#confirm-step")).ToContainTextAsync("I privilegi andranno revocati entro il 21/11/2026 (5 giorni).");
        await Expect(admin.Locator($"tr[data-person='{collaborator}'] .deadline")).ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Conferma: registra la fine del rapporto" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("i privilegi vanno revocati entro il 21/11/2026.");
        await Expect(admin.Locator($"tr[data-person='{collaborator}'] .deadline")).ToContainTextAsync("revoca entro il 21/11/2026 (5 giorni)");
        await ScreenshotAsync(admin, "company-people");

        var revoking = admin.Locator($"tr[data-person='{collaborator}']");
        await revoking.GetByText("Gestisci").ClickAsync();
        await revoking.GetByRole(AriaRole.Button, new() { Name = "Revoca i privilegi" }).ClickAsync();
        await Expect(admin.Locator("#confirm-step")).ToContainTextAsync("Confermi la revoca di tutti i privilegi");
        await ScreenshotAsync(admin, "company-people-confirm-revoke");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Conferma: revoca i privilegi" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("revocati: da ora non può più agire");
        await Expect(admin.Locator($"tr[data-person='{collaborator}']")).ToContainTextAsync("Revocato");

        var people = new Uri(admin.Url).AbsolutePath;
        foreach (var url in new[] { people, people[..^"/people".Length], "/companies", "/procedures", "/procedures/register", "/notifications" })
        {
            await admin.VisitAsync(url);
            await AssertEveryInputLabelledAsync(admin);
        }
    }
}
