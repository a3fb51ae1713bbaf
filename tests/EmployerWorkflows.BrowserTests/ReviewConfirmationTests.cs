using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>A reviewer reading in English rejects a registration: asked first, then told what followed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewConfirmationTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task Reject_IsConfirmedThenExplained_WhenReviewerReadsEnglish()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await CompanySteps.OpenReviewTaskAsync(reviewer);

        await reviewer.GetByLabel("Reason").FillAsync("The register number does not exist.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(reviewer.Locator("#confirm-step")).ToContainTextAsync("The procedure will move to «Rejected» and end there: this cannot be undone.");
        await Expect(reviewer.GetByLabel("Reason")).ToHaveValueAsync("The register number does not exist.");
        await Accessibility.AssertAccessibleAsync(reviewer);
        await ScreenshotAsync(reviewer, "task-confirm-reject-en");

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Confirm: Reject" }).ClickAsync();
        await reviewer.ArrivedAtAsync("/inbox$");
        await Expect(reviewer.Locator("div.alert[role=status]")).ToContainTextAsync("«Reject» recorded. The procedure «Company registration» is now in state «Rejected».");
    }
}
