using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// A fresh host per test class and one browser context per person, so two people can work side by side.
/// Screenshots of key pages go to <c>screenshots/</c> under the test output folder.
/// </summary>
public abstract class BrowserScenario(Chromium chromium) : IAsyncLifetime
{
    public const string Password = "Demo-Passw0rd!";
    public const string Reviewer = "RVWMRA80A01H501H";
    public const string HelpDesk = "HLPDSK82B02F205B";
    public const string LegalRepresentative = "LGLRPP75H06A944H";

    private readonly List<IBrowserContext> contexts = [];

    protected BrowserApp App { get; } = new();
    protected string BaseUrl { get; private set; } = "";

    public virtual Task InitializeAsync()
    {
        BaseUrl = App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // The last view of every session, kept to understand a failure.
        var n = 0;
        foreach (var context in contexts)
        {
            foreach (var page in context.Pages) await ScreenshotAsync(page, $"{GetType().Name}-last-{n++}");
            await context.CloseAsync();
        }
        App.Dispose();
    }

    /// <summary>A new browser session (own cookies), not logged in.</summary>
    protected async Task<IPage> OpenAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "it-IT", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A new session logged in through the login form.</summary>
    protected async Task<IPage> LoginAsync(string codiceFiscale)
    {
        var page = await OpenAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Codice fiscale").FillAsync(codiceFiscale);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
