using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>What people do in the browser, step by step, shared by the scenarios.</summary>
public static class CompanySteps
{
    public const string CompanyCf = "12345670371";

    /// <summary>Goes through the registration wizard as a company person would, with the keyboard-friendly labels.</summary>
    /// <remarks>The person at the keyboard is the legal representative (rule 33) unless <paramref name="legalRepresentative"/> names another.</remarks>
    public static async Task RegisterCompanyAsync(IPage page, string cf = CompanyCf, string name = "Officine Esempio Srl", Func<Task>? beforeSubmit = null,
        string legalRepresentative = "LGLRPP75H06A944H")
    {
        await page.VisitAsync("/procedures/register");
        await page.GetByLabel("Codice fiscale dell’azienda").FillAsync(cf);
        await page.GetByLabel("Denominazione").FillAsync(name);
        await page.GetByLabel("Tipologia").SelectOptionAsync("private-employer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avanti" }).ClickAsync();
        await page.GetByLabel("Indirizzo della sede legale").FillAsync("Via dell'Indipendenza 1");
        await page.GetByLabel("CAP").FillAsync("40121");
        await page.GetByLabel("Comune").FillAsync("Bologna");
        await page.GetByLabel("Provincia (sigla)").FillAsync("BO");
        await page.GetByLabel("Email", new() { Exact = false }).First.FillAsync("info@officine-esempio.it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avanti" }).ClickAsync();
        await page.GetByLabel("Nome del legale rappresentante (obbligatorio)", new() { Exact = true }).FillAsync("Lucia");
        await page.GetByLabel("Cognome del legale rappresentante").FillAsync("Legale");
        await page.GetByLabel("Codice fiscale del legale rappresentante").FillAsync(legalRepresentative);
        await page.GetByLabel("Prima unità organizzativa").FillAsync("Sede di Bologna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avanti" }).ClickAsync();
        if (beforeSubmit is not null) await beforeSubmit();
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia la richiesta" }).ClickAsync();
        await page.ArrivedAtAsync(@"/procedures\?submitted=");
    }

    /// <summary>Opens the review task of the company from the reviewer's inbox.</summary>
    public static async Task OpenReviewTaskAsync(IPage reviewer, string companyName = "Officine Esempio Srl")
    {
        await reviewer.VisitAsync("/inbox");
        var row = reviewer.Locator("tr[data-task]", new() { HasText = companyName });
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await reviewer.ArrivedAtAsync("/tasks/[^/]+$");
    }
}
