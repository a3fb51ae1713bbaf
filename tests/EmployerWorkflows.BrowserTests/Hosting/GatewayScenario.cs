using EmployerWorkflows.TestIdentityProvider;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// The app and the test identity provider, each on its own Kestrel port; the app has one gateway, <c>spid</c>,
/// pointing at the provider, whose login page lets the test choose the person, the level and a fault.
/// </summary>
public abstract class GatewayScenario(Chromium chromium) : BrowserScenario(chromium)
{
    private const string ClientId = "employerworkflows-tests";
    private const string ClientSecret = "gateway-test-secret";

    private WebApplication? provider;

    public override async Task InitializeAsync()
    {
        // Quiet: the provider's protocol logs would fill the test output (and its console queue) at every step.
        provider = TestProvider.Build(["--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await provider.StartAsync();
        var authority = provider.Urls.First().TrimEnd('/');
        App.Settings["Authentication:Gateways:spid:Authority"] = authority;
        App.Settings["Authentication:Gateways:spid:ClientId"] = ClientId;
        App.Settings["Authentication:Gateways:spid:ClientSecret"] = ClientSecret;
        App.Settings["Authentication:Gateways:spid:RequireHttpsMetadata"] = "false";
        await base.InitializeAsync();
        provider.Services.GetRequiredService<TestClients>()
            .Register(new TestClient(ClientId, ClientSecret, [BaseUrl + "/signin-spid"]));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider is not null) await provider.DisposeAsync();
    }

    /// <summary>From the app's login page through the provider's; ends wherever the app sends the browser.</summary>
    protected static async Task SignInThroughGatewayAsync(IPage page, string? identity = null, string? typedCodiceFiscale = null,
        int level = 2, string? fault = null)
    {
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entra con SPID" }).ClickAsync();
        await page.ArrivedAtAsync("/connect/authorize");
        if (identity is not null) await page.GetByLabel("Identity").SelectOptionAsync(identity);
        if (typedCodiceFiscale is not null) await page.GetByLabel("Other codice fiscale").FillAsync(typedCodiceFiscale);
        await page.GetByLabel("Level").SelectOptionAsync(level.ToString());
        if (fault is not null) await page.GetByLabel("Fault").SelectOptionAsync(fault);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.LeftAsync("/connect/authorize|/signin-spid");
    }
}
