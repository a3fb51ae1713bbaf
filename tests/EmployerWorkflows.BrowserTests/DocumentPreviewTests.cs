using System.Text;
using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DocumentPreviewTests(Chromium chromium) : BrowserScenario(chromium)
{
    /// <summary>A PDF of two blank pages; the reader rebuilds the missing cross-reference table, as for many scanned files.</summary>
    private static readonly byte[] TwoPages = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n4 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task ReviewerKeepsTyping_WhileTheDocumentPreviewLoads()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company, beforeSubmit: () =>
            company.GetByLabel("Visura camerale").SetInputFilesAsync(new FilePayload { Name = "visura.pdf", MimeType = "application/pdf", Buffer = TwoPages }));
        var reviewer = await LoginAsync(Reviewer);
        // The document is held back until the reviewer has started typing, so the preview arrives mid-sentence.
        var documentHeld = new TaskCompletionSource();
        await reviewer.RouteAsync("**/documents/**", async route => { await documentHeld.Task; await route.ContinueAsync(); });
        await CompanySteps.OpenReviewTaskAsync(reviewer);
        var preview = reviewer.Locator("figure.pdf-preview");
        await Expect(preview).ToHaveAttributeAsync("data-state", "loading");
        var reason = reviewer.GetByLabel("Motivazione");
        await reason.ClickAsync();
        await reviewer.Keyboard.TypeAsync("Manca la firma ");
        documentHeld.SetResult();
        await Expect(preview).ToHaveAttributeAsync("data-state", "shown");
        await reviewer.Keyboard.TypeAsync("del legale rappresentante.");

        await Expect(reason).ToHaveValueAsync("Manca la firma del legale rappresentante.");
        await Expect(reason).ToBeFocusedAsync();
        await Expect(preview.Locator(".pdf-status")).ToHaveTextAsync("Pagina 1 di 2");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Pagina successiva" }).ClickAsync();
        await Expect(preview.Locator(".pdf-status")).ToHaveTextAsync("Pagina 2 di 2");
        await Expect(preview.GetByRole(AriaRole.Button, new() { Name = "Pagina successiva" })).ToBeDisabledAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "Pagina precedente" }).DblClickAsync();
        await Expect(preview.Locator(".pdf-status")).ToHaveTextAsync("Pagina 1 di 2");
        await Expect(preview.GetByRole(AriaRole.Button, new() { Name = "Pagina precedente" })).ToBeDisabledAsync();
        await ScreenshotAsync(reviewer, "task-document-preview");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Chiedi integrazione" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");
    }
}
