using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConflictTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Fact]
    public async Task TaskPage_ShowsWhoActedFirstAndCurrentState_WhenTwoReviewersActOnSameTask()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);
        var first = await LoginAsync(Reviewer);
        var second = await LoginAsync(await PersonAsync("SCNDRV", Roles.AgencyReviewer));
        await CompanySteps.OpenReviewTaskAsync(first);
        await CompanySteps.OpenReviewTaskAsync(second);

        await first.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await first.ArrivedAtAsync("/inbox$");

        await second.GetByLabel("Motivazione").FillAsync("Dati incompleti.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Respingi" }).ClickAsync();
        var conflict = second.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("Qualcun altro ha già agito su questa pratica");
        await Expect(conflict).ToContainTextAsync("Approvata");
        await Expect(second.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Approved");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Respingi" })).ToHaveCountAsync(0);
        await ScreenshotAsync(second, "task-conflict");
    }
}
