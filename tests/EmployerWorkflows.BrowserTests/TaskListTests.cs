using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>The inbox as a task list: keys to move, open and claim; saved filters; a phone-sized header and cards.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskListTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task Inbox_MovesOpensAndClaimsWithKeys_WithAVisibleFocusOnTheRow()
    {
        await TwoRegistrationsAsync();
        var reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        var rows = reviewer.Locator("tr[data-task]");
        await Expect(rows).ToHaveCountAsync(2);

        await reviewer.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToBeFocusedAsync();
        Assert.Equal("solid 3px", await rows.Nth(0).EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"));
        await reviewer.Keyboard.PressAsync("ArrowDown");
        await Expect(rows.Nth(1)).ToBeFocusedAsync();
        await reviewer.Keyboard.PressAsync("k");
        await Expect(rows.Nth(0)).ToBeFocusedAsync();

        await reviewer.Keyboard.PressAsync("c");
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Attività presa in carico.");
        await Expect(reviewer.Locator("[data-count=mine]")).ToHaveTextAsync("1");

        await reviewer.Keyboard.PressAsync("j");
        await reviewer.Keyboard.PressAsync("j");
        var second = await rows.Nth(1).GetAttributeAsync("data-task");
        await Expect(rows.Nth(1)).ToBeFocusedAsync();
        await reviewer.Keyboard.PressAsync("Enter");
        await reviewer.ArrivedAtAsync($"/tasks/{second}$");
    }

    [Fact]
    public async Task Inbox_SavesAFilterThatCountsAndOpensItsTasks_WhenReviewerNamesIt()
    {
        await TwoRegistrationsAsync();
        var reviewer = await LoginAsync(Reviewer);
        await reviewer.VisitAsync("/inbox");
        await reviewer.GetByLabel("Azienda (CF o nome)").FillAsync("officine");
        await reviewer.GetByLabel("Ordina").SelectOptionAsync("age");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        await reviewer.ArrivedAtAsync("company=officine");
        await reviewer.GetByLabel("Salva questi criteri come").FillAsync("Officine");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Salva filtro" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Filtro «Officine» salvato.");
        await reviewer.AssertAccessibleAsync();

        await reviewer.VisitAsync("/inbox");
        var saved = reviewer.Locator("[data-saved-filter='Officine'] a");
        await Expect(saved.Locator("[data-count=saved]")).ToHaveTextAsync("1");
        await saved.ClickAsync();
        await reviewer.ArrivedAtAsync("company=officine");
        await Expect(reviewer.Locator("tr[data-task]")).ToHaveCountAsync(1);
        await Expect(reviewer.Locator("tr[data-task]")).ToContainTextAsync("Officine Esempio Srl");
        await Expect(reviewer.GetByLabel("Ordina")).ToHaveValueAsync("age");
    }

    [Fact]
    public async Task Phone_FoldsTheHeaderMenuAndShowsTasksAsCardsWithDueDateAndAction()
    {
        await TwoRegistrationsAsync();
        var reviewer = await LoginAsync(Reviewer, Phone);
        await reviewer.VisitAsync("/inbox");

        var menu = reviewer.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Esci" })).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Esci" })).ToBeVisibleAsync();
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "Notifiche" })).ToBeVisibleAsync();
        await reviewer.AssertAccessibleAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Notifiche" }).FocusAsync();
        await reviewer.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();

        var card = reviewer.Locator("tr[data-task]").First;
        await Expect(card.Locator("td.due")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Prendi in carico" })).ToBeVisibleAsync();
        await AssertFitsAsync(reviewer, card.GetByRole(AriaRole.Button, new() { Name = "Prendi in carico" }));
        await AssertFitsAsync(reviewer, card.Locator("td.due"));
        Assert.True(await reviewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the inbox scrolls sideways on a phone");
        await ScreenshotAsync(reviewer, "inbox-phone");

        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await reviewer.ArrivedAtAsync("/tasks/[^/]+$");
        Assert.True(await reviewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the task scrolls sideways on a phone");
        await ScreenshotAsync(reviewer, "task-phone");
    }

    [Fact]
    public async Task Phone_ShowsTheWholeMenu_WhenTheSiteScriptDoesNotRun()
    {
        var page = await LoginAsync(Reviewer, Phone);
        // The page's own script never arrives (blocked, failed, or scripts off); axe still runs, from the test.
        await page.Context.RouteAsync("**/js/site.js*", route => route.AbortAsync());
        await page.VisitAsync("/inbox");

        await Expect(page.Locator(".menu-toggle")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Esci" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Esci" }));
        await AssertFitsAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Notifiche" }));
    }

    private async Task TwoRegistrationsAsync()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var otherPerson = await PersonAsync("BBBDMN");
        var other = await LoginAsync(otherPerson);
        await CompanySteps.RegisterCompanyAsync(other, cf: "07123450012", name: "Azienda Bi Srl", legalRepresentative: otherPerson);
    }

    /// <summary>The element lies within the screen's width: nothing to scroll sideways to.</summary>
    private static async Task AssertFitsAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= page.ViewportSize!.Width, $"{await element.InnerTextAsync()} is off-screen at x={box.X}, width {box.Width}");
    }
}
