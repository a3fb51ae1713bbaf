using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// The real host on a fresh SQLite file, mail to a real SMTP server, every log message of every category kept
/// for inspection, and helpers to create people, fill the UID register, sweep timers and deliver the outbox.
/// Shared by the tests of one class, or of the whole <see cref="JobRoomCollection"/> for classes that never move the
/// clock; each test uses its own UID and people.
/// </summary>
public sealed class JobRoomHost : IAsyncLifetime
{
    private AppFactory app = null!;
    private WebApplicationFactory<Program> host = null!;

    public SmtpMailbox Mailbox { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public FakeTimeProvider Clock => app.Clock;
    public IServiceProvider Services => host.Services;

    public async Task InitializeAsync()
    {
        await Mailbox.StartAsync();
        app = AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port);
        host = app.WithWebHostBuilder(b => b.ConfigureLogging(l =>
        {
            l.AddProvider(Logs);
            // A rule for this provider beats the category rules of appsettings: it sees everything.
            l.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        }));
        _ = host.Services;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        app.Dispose();
        await Mailbox.DisposeAsync();
    }

    public HttpClient Anonymous() => TestClients.Anonymous(host);

    public async Task<HttpClient> ClientAsync(string codiceFiscale, string language = "it")
    {
        var client = Anonymous();
        var response = await TestClients.PostLoginAsync(client, codiceFiscale, TestClients.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language == "en" ? "en-GB" : "it-IT");
        return client;
    }

    public Task<HttpClient> SecoDeskAsync() => ClientAsync(TestClients.DemoUserWithRole(Roles.SecoDesk));

    /// <summary>A new company person with a valid synthetic codice fiscale; returns the codice fiscale.</summary>
    public async Task<string> CreatePersonAsync(string firstName, string lastName, string language = "it")
    {
        // Unique in the whole run: the host may be shared by every class of the Job-Room collection.
        var cf = Identities.CodiceFiscale(Consonants(lastName) + Consonants(firstName));
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = firstName, LastName = lastName, Email = $"{firstName.ToLowerInvariant()}@example.ch",
            PreferredLanguage = language, CreatedAt = Clock.GetUtcNow(),
        }, TestClients.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return cf;
    }

    private static string Consonants(string name)
    {
        var letters = new string(name.ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray());
        var picked = letters.Where(c => !"AEIOU".Contains(c)).Concat(letters.Where(c => "AEIOU".Contains(c))).Concat("XXX");
        return new string(picked.Take(3).ToArray());
    }

    /// <summary>Adds a company to the UID register through the SecoDesk API.</summary>
    public async Task RegisterCompanyAsync(string uid, string name, string street = "Via Nassa 5", string postalCode = "6900", string town = "Lugano")
    {
        using var seco = await SecoDeskAsync();
        var response = await seco.PutAsJsonAsync($"/api/jobroom/uid-register/{uid}", new { name, street, postalCode, town });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<WorkflowInstance> InstanceAsync(Guid id) =>
        QueryAsync(db => db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == id));

    public async Task<SweepReport> SweepAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync();
    }

    public async Task DeliverAsync() => await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

    /// <summary>Delivers the outbox and waits for the messages to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> MailAsync(string to, string subject, int count = 1)
    {
        await DeliverAsync();
        return await Mailbox.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), m =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subject));
    }

    /// <summary>The SQLite file and its WAL and shared-memory companions, as raw bytes.</summary>
    public IEnumerable<(string File, byte[] Bytes)> DatabaseFiles()
    {
        var cs = Services.GetRequiredService<IConfiguration>().GetConnectionString("Sqlite")!;
        var path = new SqliteConnectionStringBuilder(cs).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (file, copy.ToArray());
        }
    }

    /// <summary>A valid synthetic UID, different on every call.</summary>
    public static string NewUid()
    {
        while (true)
        {
            var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString();
            if (SwissUid.CheckDigit(digits) is { } check)
                return SwissUid.Parse($"CHE{digits}{check}").Display;
        }
    }
}

/// <summary>Keeps every formatted log message (with exceptions) written by the host.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
