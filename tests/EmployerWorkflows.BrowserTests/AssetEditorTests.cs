using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AssetEditorTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Designer = "DSGPRC88D44H501C";

    [Fact]
    public async Task Designer_EditsAnEmailOfTheProcedure_PreviewsItOnSampleData_AndSavesIt()
    {
        var page = await LoginAsync(Designer);
        await page.VisitAsync(BaseUrl + "/designer/company-registration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Moduli ed email" }).ClickAsync();
        await Expect(page.Locator("#assets-scope")).ToContainTextAsync("versione 1");
        await page.Locator("tr[data-template='registration-received'] td[data-language='it'] a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Email «registration-received» (italiano)");

        var source = page.GetByLabel("Testo dell'email");
        var text = await source.InputValueAsync();
        await source.FillAsync(text.Replace("Richiesta di registrazione ricevuta", "Richiesta ricevuta", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anteprima" }).ClickAsync();
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Richiesta ricevuta: «company.name»");

        await page.GetByLabel("Dati di esempio (JSON)").FillAsync("{ \"company\": { \"name\": \"Officine Esempio Srl\" } }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anteprima" }).ClickAsync();
        await Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Richiesta ricevuta: Officine Esempio Srl");
        await AssertEveryInputLabelledAsync(page);
        await ScreenshotAsync(page, "template-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await Expect(page.Locator("#asset-message")).ToContainTextAsync("Salvato");
        await Expect(page.Locator("#asset-origin")).ToHaveAttributeAsync("data-origin", "saved");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Moduli ed email" }).ClickAsync();
        await Expect(page.Locator("tr[data-template='registration-received'] td[data-language='it']")).ToContainTextAsync("modificato (rev. 1)");
    }
}
