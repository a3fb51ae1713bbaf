using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StaffTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Administrator = "MMNSTR80A01H501J";

    [Fact]
    public async Task Staff_ListsTheNewReviewer_WhenAdministratorCreatesTheAccount()
    {
        var page = await LoginAsync(Administrator);
        await page.VisitAsync("/staff");

        await page.GetByLabel("Codice fiscale").FillAsync("VRDGPP80A01F205X");
        await page.GetByLabel("Nome", new() { Exact = true }).FillAsync("Giuseppe");
        await page.GetByLabel("Cognome").FillAsync("Verdi");
        await page.GetByLabel("Ruolo").SelectOptionAsync(new SelectOptionValue { Label = "Revisore" });
        await page.GetByLabel("Password provvisoria").FillAsync("Temp-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crea l'account" }).ClickAsync();

        await page.ArrivedAtAsync("/staff\\?done=created");
        await Expect(page.Locator("body")).ToContainTextAsync("Giuseppe Verdi");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disattiva Giuseppe Verdi" })).ToBeVisibleAsync();
    }
}
