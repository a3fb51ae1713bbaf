using System.Text.RegularExpressions;
using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccessTests(Chromium chromium) : BrowserScenario(chromium)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task TaskAndDocument_AreNotFound_WhenUserOfAnotherCompanyOpensThemByUrl()
    {
        var companyA = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(companyA, beforeSubmit: async () =>
        {
            // A text file named .pdf is refused by its content, with the accepted formats.
            await companyA.GetByLabel("Visura camerale").SetInputFilesAsync(new FilePayload { Name = "visura.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
            await companyA.GetByRole(AriaRole.Button, new() { Name = "Invia la richiesta" }).ClickAsync();
            await Expect(companyA.Locator("#f-extract-error")).ToContainTextAsync("Formato non accettato: carica un file PDF, JPG o PNG");
            await ScreenshotAsync(companyA, "wizard-upload-refused");
            await companyA.GetByLabel("Visura camerale").SetInputFilesAsync(new FilePayload { Name = "visura.pdf", MimeType = "application/pdf", Buffer = Pdf });
        });
        var reviewer = await LoginAsync(Reviewer);
        await CompanySteps.OpenReviewTaskAsync(reviewer);
        var taskUrl = new Uri(reviewer.Url).AbsolutePath;
        var documentUrl = await reviewer.Locator(".document a[download]").GetAttributeAsync("href");
        Assert.Matches(new Regex("^/documents/[0-9a-f-]{36}$"), documentUrl);
        var preview = await reviewer.Context.APIRequest.GetAsync(documentUrl + "?inline=true");
        Assert.Equal(200, preview.Status);
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        Assert.Equal("nosniff", preview.Headers["x-content-type-options"]);
        Assert.StartsWith("inline", preview.Headers["content-disposition"]);
        await reviewer.GetByLabel("Motivazione").FillAsync("Manca la firma.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Chiedi integrazione" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");
        await companyA.VisitAsync("/procedures");
        await companyA.Locator(".procedure .expected a").ClickAsync();
        var companyTaskUrl = new Uri(companyA.Url).AbsolutePath;
        Assert.Equal(200, (await companyA.Context.APIRequest.GetAsync(documentUrl!)).Status);

        var personB = await PersonAsync("BBBDMN");
        var companyB = await LoginAsync(personB);
        await CompanySteps.RegisterCompanyAsync(companyB, cf: "07123450012", name: "Azienda Bi Srl", legalRepresentative: personB);
        foreach (var url in new[] { taskUrl, companyTaskUrl })
        {
            var response = await companyB.GotoAsync(url);
            Assert.Equal(404, response!.Status);
        }
        Assert.Equal(404, (await companyB.Context.APIRequest.GetAsync(documentUrl!)).Status);
        Assert.Equal(404, (await companyB.Context.APIRequest.GetAsync(documentUrl + "?inline=true")).Status);
        await companyB.VisitAsync("/procedures");
        await Expect(companyB.Locator(".procedure")).ToHaveCountAsync(1);
        await Expect(companyB.Locator(".procedure")).Not.ToContainTextAsync("Officine Esempio");
    }
}
