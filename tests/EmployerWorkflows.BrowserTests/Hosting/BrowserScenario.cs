using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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

    public virtual async Task DisposeAsync()
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

    /// <summary>A phone's screen: what the pages must fit without scrolling sideways.</summary>
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A new browser session (own cookies), not logged in; a desktop screen unless another is given.</summary>
    protected async Task<IPage> OpenAsync(ViewportSize? screen = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "it-IT", ViewportSize = screen ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(Chromium.TimeoutMs);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A new session logged in through the login form.</summary>
    protected async Task<IPage> LoginAsync(string codiceFiscale, ViewportSize? screen = null)
    {
        var page = await OpenAsync(screen);
        await page.VisitAsync("/account/login");
        await page.GetByLabel("Codice fiscale").FillAsync(codiceFiscale);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await page.LeftAsync("/account/login");
        return page;
    }

    /// <summary>A person with a synthetic codice fiscale who has logged in before; optionally holding an agency role.</summary>
    protected async Task<string> PersonAsync(string surnameCode, string? role = null)
    {
        var body = $"{surnameCode}90A01H501";
        var cf = body + CodiceFiscale.CheckCharacter(body);
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = surnameCode, LastName = "Persona", Email = $"{surnameCode.ToLowerInvariant()}@example.org",
            EmailConfirmed = true, LastLoginAt = App.Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return cf;
    }

    /// <summary>Every visible input, select and textarea has a label (or an aria-label) that names it.</summary>
    protected static async Task AssertEveryInputLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.type !== 'hidden' && e.type !== 'submit')
                .filter(e => !(e.labels && e.labels.length > 0 && e.labels[0].textContent.trim()) && !e.getAttribute('aria-label'))
                .map(e => e.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url}: inputs without a label: {string.Join(" ", unlabelled)}");
    }

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
