using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>
/// The app in the test process, on a real SQLite file and a real SMTP server, with a clock the test moves: the
/// way to let hours of email back-off pass in seconds.
/// </summary>
public sealed class InProcessHost(string sqlitePath, string smtpHost, int smtpPort) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A client that keeps cookies and does not follow redirects, like the ones of the process tests.</summary>
    public HttpClient NewHttpClient() => CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={sqlitePath}");
        builder.UseSetting("Smtp:Host", smtpHost);
        builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The outage makes every delivery attempt log a warning; the test reads the outcome from the database and mailbox.
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("RateLimits:Login:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Mail:PermitLimit", "1000000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
