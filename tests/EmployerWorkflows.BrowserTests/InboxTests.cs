using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InboxTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task Inbox_ClaimsWithKeyboardAssignsAndFlagsOverdue_WhenReviewerWorksTasks()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var colleague = await PersonAsync("CLLGRV", Roles.AgencyReviewer);
        var reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        await Expect(reviewer.Locator("[data-count=all]")).ToHaveTextAsync("1");
        await Expect(reviewer.Locator("[data-count=unassigned]")).ToHaveTextAsync("1");

        // Keyboard only: the skip link comes first, then Tab reaches the claim button and Enter presses it.
        await reviewer.Keyboard.PressAsync("Tab");
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "Vai al contenuto" })).ToBeFocusedAsync();
        var claim = reviewer.GetByRole(AriaRole.Button, new() { Name = "Prendi in carico" });
        for (var i = 0; i < 60 && !await claim.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
            await reviewer.Keyboard.PressAsync("Tab");
        await Expect(claim).ToBeFocusedAsync();
        await reviewer.Keyboard.PressAsync("Enter");
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Attività presa in carico.");
        await Expect(reviewer.Locator("[data-count=mine]")).ToHaveTextAsync("1");
        await Expect(reviewer.Locator("tr[data-task]")).ToContainTextAsync("Mario Revisori");

        await reviewer.GetByLabel("Assegnatario").SelectOptionAsync("unassigned");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        await Expect(reviewer.Locator("tr[data-task]")).ToHaveCountAsync(0);
        await reviewer.VisitAsync("/inbox");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Rilascia" }).ClickAsync();
        await Expect(reviewer.Locator("[data-count=mine]")).ToHaveTextAsync("0");

        await reviewer.GetByLabel("Codice fiscale del collega").FillAsync(colleague);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Assegna" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Attività assegnata.");
        await Expect(reviewer.Locator("tr[data-task]")).ToContainTextAsync("CLLGRV Persona");

        await reviewer.GetByLabel("Azienda (CF o nome)").FillAsync("officine");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        await Expect(reviewer.Locator("tr[data-task]")).ToHaveCountAsync(1);
        await reviewer.GetByLabel("Azienda (CF o nome)").FillAsync("99999999999");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        await Expect(reviewer.Locator("tr[data-task]")).ToHaveCountAsync(0);

        // Four days later the task is due soon; two more and it is overdue: both stand out.
        // Sessions last hours, not days: log in again after moving the clock.
        App.Clock.Advance(TimeSpan.FromDays(4));
        reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        await Expect(reviewer.Locator("tr.due-soon")).ToHaveCountAsync(1);
        await Expect(reviewer.Locator("[data-count=week]")).ToHaveTextAsync("1");
        App.Clock.Advance(TimeSpan.FromDays(2));
        reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox?due=overdue");
        await Expect(reviewer.Locator("tr.overdue")).ToContainTextAsync("Scaduta");
        await Expect(reviewer.Locator("[data-count=overdue]")).ToHaveTextAsync("1");
        await ScreenshotAsync(reviewer, "inbox-overdue");
    }
}
