using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>A reviewer works a task form with the keyboard alone: Tab to move, type, Enter to act.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task TaskForm_CanBeFilledAndSentWithKeyboardOnly_AndAnnouncesErrors()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var reviewer = await LoginAsync(Reviewer);
        await CompanySteps.OpenReviewTaskAsync(reviewer);

        var reject = reviewer.GetByRole(AriaRole.Button, new() { Name = "Respingi" });
        await TabToAsync(reviewer, reject);
        await reviewer.Keyboard.PressAsync("Enter");
        await Expect(reviewer.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(reviewer.Locator("#f-reason-error")).ToBeVisibleAsync();

        var reason = reviewer.GetByLabel("Motivazione");
        await TabToAsync(reviewer, reason);
        await reviewer.Keyboard.TypeAsync("Dati non verificabili.");
        await TabToAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Respingi" }));
        await reviewer.Keyboard.PressAsync("Enter");
        // A rejection is confirmed with a second press on the same button, now named for what it confirms.
        await Expect(reviewer.Locator("#confirm-step")).ToContainTextAsync("Confermi «Respingi»?");
        await TabToAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Conferma: Respingi" }));
        await reviewer.Keyboard.PressAsync("Enter");
        await reviewer.ArrivedAtAsync("/inbox$");
        await Expect(reviewer.Locator("div.alert[role=status]")).ToContainTextAsync("La pratica è conclusa");

        await company.VisitAsync("/procedures");
        await Expect(company.Locator(".procedure .current-state")).ToHaveTextAsync("Respinta");
    }

    /// <summary>Presses Tab until the element has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 80 && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(target).ToBeFocusedAsync();
    }
}
