using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task LanguageSwitch_ShowsEnglishAndKeepsIt_WhenUserChoosesEnglish()
    {
        var page = await LoginAsync(Reviewer);
        await page.VisitAsync("/inbox");
        Assert.Equal("it", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Attività da svolgere");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tasks to do");
        Assert.EndsWith("/inbox", new Uri(page.Url).AbsolutePath);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await ScreenshotAsync(page, "inbox-en");

        await page.VisitAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Log out" }))).ToBeVisibleAsync();
    }
}
