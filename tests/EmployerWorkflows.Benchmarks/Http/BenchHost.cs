using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Benchmarks.Http;

/// <summary>
/// The real application on Kestrel (loopback, a free port) over a fresh SQLite file, in the Development environment
/// so the demo users exist. Mail goes to a pickup folder; login and mail rate limits are lifted for the load client.
/// </summary>
/// <remarks>
/// The factory is named by a type of the web assembly other than its <c>Program</c>, which this program's own top-level
/// statements hide; any type of that assembly leads to its entry point.
/// </remarks>
public sealed class BenchHost : WebApplicationFactory<EmployerWorkflows.Web.Data.AppDbContext>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ew-bench-http-").FullName;

    public BenchHost()
    {
        // The factory finds a test project's content root through its test assemblies; a program names it here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EMPLOYERWORKFLOWS_WEB", WebProjectFolder());
        UseKestrel();
    }

    public string DatabaseFile => Path.Combine(_folder, "app.db");

    /// <summary>Starts Kestrel; returns its base address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var web = Path.Combine(folder.FullName, "src", "EmployerWorkflows.Web");
            if (Directory.Exists(web))
                return web;
        }
        throw new DirectoryNotFoundException("src/EmployerWorkflows.Web was not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabaseFile}");
        builder.UseSetting("RateLimits:Login:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Mail:PermitLimit", "100000");
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Keys stay in the throwaway database; the warning about unencrypted keys would only interrupt the figures.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file briefly; the temp folder is cleaned by the OS. */ }
    }
}
