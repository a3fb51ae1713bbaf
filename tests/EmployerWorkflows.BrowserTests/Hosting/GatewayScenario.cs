using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// The app and the test identity provider, each on its own Kestrel and the provider in its own process, as a real
/// gateway would be; the app has one gateway, <c>spid</c>, pointing at the provider, whose login page lets the test
/// choose the person, the level and a fault.
/// </summary>
public abstract class GatewayScenario(Chromium chromium) : BrowserScenario(chromium)
{
    private const string ClientId = "employerworkflows-tests";
    private const string ClientSecret = "gateway-test-secret";

    private Process? provider;

    public override async Task InitializeAsync()
    {
        // The app reads the provider's discovery document only at the first sign-in, so the provider can start
        // after the app, once the app's callback address is known.
        var authority = $"http://127.0.0.1:{FreePort()}";
        App.Settings["Authentication:Gateways:spid:Authority"] = authority;
        App.Settings["Authentication:Gateways:spid:ClientId"] = ClientId;
        App.Settings["Authentication:Gateways:spid:ClientSecret"] = ClientSecret;
        App.Settings["Authentication:Gateways:spid:RequireHttpsMetadata"] = "false";
        await base.InitializeAsync();

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // No file watchers: the machine's inotify instances are few and shared by every test host.
            Environment = { ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false" },
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "EmployerWorkflows.TestIdentityProvider.dll"),
                     $"--Urls={authority}", "--Logging:LogLevel:Default=Warning",
                     $"--Clients:0:ClientId={ClientId}", $"--Clients:0:ClientSecret={ClientSecret}",
                     $"--Clients:0:RedirectUris:0={BaseUrl}/signin-spid",
                 })
            start.ArgumentList.Add(arg);
        provider = Process.Start(start)!;
        provider.OutputDataReceived += (_, _) => { };
        provider.ErrorDataReceived += (_, _) => { };
        provider.BeginOutputReadLine();
        provider.BeginErrorReadLine();
        await WaitUntilServingAsync(authority);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider is { HasExited: false })
        {
            provider.Kill(entireProcessTree: true);
            await provider.WaitForExitAsync();
        }
        provider?.Dispose();
    }

    /// <summary>From the app's login page through the provider's; ends wherever the app sends the browser.</summary>
    protected static async Task SignInThroughGatewayAsync(IPage page, string? identity = null, string? typedCodiceFiscale = null,
        int level = 2, string? fault = null)
    {
        await page.VisitAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entra con SPID" }).ClickAsync();
        await page.ArrivedAtAsync("/connect/authorize");
        if (identity is not null) await page.GetByLabel("Identity").SelectOptionAsync(identity);
        if (typedCodiceFiscale is not null) await page.GetByLabel("Other codice fiscale").FillAsync(typedCodiceFiscale);
        await page.GetByLabel("Level").SelectOptionAsync(level.ToString());
        if (fault is not null) await page.GetByLabel("Fault").SelectOptionAsync(fault);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.LeftAsync("/connect/authorize|/signin-spid");
    }

    private async Task WaitUntilServingAsync(string authority)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (provider!.HasExited) throw new InvalidOperationException($"The test identity provider exited with code {provider.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(authority + "/.well-known/openid-configuration");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy machine */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The test identity provider did not start within 2 minutes.");
            // Polling a process that is starting; the app's clock is not involved.
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
