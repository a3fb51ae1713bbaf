using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// The real host on Kestrel (a loopback port Chromium can reach) over a fresh SQLite file; mail goes to a
/// pickup folder. Development environment, so the demo users exist.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    /// <summary>
    /// The database every host starts from: migrated, demo users and shipped definitions in place, prepared by one
    /// real start of the host and copied for each test, which is far cheaper than migrating and seeding again.
    /// </summary>
    private static readonly SqliteTemplate Template = new(path =>
    {
        using var app = new BrowserApp(path);
        app.Start();
        return Task.CompletedTask;
    });

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("ew-browser-").FullName;
    private readonly string databasePath;
    private readonly bool fromTemplate;

    public BrowserApp() : this(preparedDatabase: null)
    {
    }

    private BrowserApp(string? preparedDatabase)
    {
        UseKestrel();
        fromTemplate = preparedDatabase is null;
        databasePath = preparedDatabase ?? Path.Combine(dataDirectory, "app.db");
    }

    /// <summary>The clock of the host; tests move it instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Services a test class adds to the host, e.g. a test-only workflow operation; set before <see cref="Start"/>.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Configuration a test class adds, e.g. a sign-in gateway; set before <see cref="Start"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Starts Kestrel and returns its address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Start()
    {
        if (fromTemplate && !File.Exists(databasePath)) Template.CopyTo(databasePath);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        // The tests log in from one address far faster than a person would.
        builder.UseSetting("RateLimits:Login:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Mail:PermitLimit", "100000");
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:Port", "0");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(dataDirectory, "mail"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file briefly; the temp folder is cleaned by the OS. */ }
    }
}
