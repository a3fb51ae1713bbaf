using EmployerWorkflows.Infrastructure.Jobs;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.JobRoom;
using Hangfire;
using EmployerWorkflows.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// The real host on a real database of its own: a fresh SQLite file (in Development a copy of a prepared template),
/// or a fresh database on the throwaway PostgreSQL server. Mail goes to a real SMTP server when one is given, else
/// to a pickup folder of the test.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// The database a Development host on SQLite starts from: migrated, roles, demo users and shipped definitions in
    /// place, prepared by one real start of the host and copied for every other one.
    /// </summary>
    private static readonly SqliteTemplate DevelopmentDatabase = new(path =>
    {
        // A day back, so what the seed stamps is never later than the clock of a host made from the copy.
        using var app = new AppFactory(SqliteSettings(path), Directory.CreateTempSubdirectory("ew-web-").FullName, template: null,
            DateTimeOffset.UtcNow.AddDays(-1)).WithSmtp(null, 0);
        _ = app.Services;
        return Task.CompletedTask;
    });

    private readonly Dictionary<string, string?> settings;
    private readonly string dataDirectory;
    private readonly SqliteTemplate? template;

    private AppFactory(Dictionary<string, string?> settings, string dataDirectory, SqliteTemplate? template, DateTimeOffset? now = null)
    {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.template = template;
        Clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
    }

    /// <summary>The clock of the host; tests move it instead of sleeping.</summary>
    public FakeTimeProvider Clock { get; }

    public string PickupDirectory => Path.Combine(dataDirectory, "mail");

    /// <summary>ASP.NET Core environment of the host; Development (with demo users) unless changed before start.</summary>
    public string Environment { get; init; } = "Development";

    public static AppFactory OnSqlite(string? smtpHost = null, int smtpPort = 0, string environment = "Development")
    {
        var dir = Directory.CreateTempSubdirectory("ew-web-").FullName;
        // Only Development seeds demo users; other environments start from an empty file, as they would for real.
        var template = environment == "Development" ? DevelopmentDatabase : null;
        return new AppFactory(SqliteSettings(Path.Combine(dir, "app.db")), dir, template) { Environment = environment }.WithSmtp(smtpHost, smtpPort);
    }

    private static Dictionary<string, string?> SqliteSettings(string path) => new()
    {
        ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
        ["ConnectionStrings:Sqlite"] = $"Data Source={path}",
    };

    public static AppFactory OnPostgres(string connectionString, string? smtpHost = null, int smtpPort = 0)
    {
        var dir = Directory.CreateTempSubdirectory("ew-web-").FullName;
        return new AppFactory(new()
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Postgres"] = connectionString,
        }, dir, template: null).WithSmtp(smtpHost, smtpPort);
    }

    /// <summary>A configuration value of the host, e.g. a lower rate limit; set before the host starts.</summary>
    public AppFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    private AppFactory WithSmtp(string? host, int port)
    {
        // Every test logs in and starts procedures from one address as fast as it can; the rate limit tests
        // lower these again.
        settings["RateLimits:Login:PermitLimit"] = "100000";
        settings["RateLimits:Mail:PermitLimit"] = "100000";
        settings["Smtp:Host"] = host ?? "";
        settings["Smtp:Port"] = port.ToString();
        settings["Smtp:PickupDirectory"] = PickupDirectory;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            HangfireGlobals.Isolate(services);
        });
    }

    /// <summary>
    /// The tests move the clock and run the timer sweep and the inactivity check themselves. The recurring runs
    /// (every real minute, daily) would race them for the same rows, and a test reading right after its own run
    /// could find the work still in the other one's hands, so the test hosts drop those two schedules.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        // A host made with WithWebHostBuilder starts through here too, on the same file: copy once.
        if (template is not null && new SqliteConnectionStringBuilder(settings["ConnectionStrings:Sqlite"]).DataSource is var file && !File.Exists(file))
            template.CopyTo(file);
        var host = base.CreateHost(builder);
        var recurring = host.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(TimerSweepJob.RecurringJobId);
        recurring.RemoveIfExists(InactivityCheckJob.RecurringId);
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file briefly; the temp folder is cleaned by the OS. */ }
    }
}
