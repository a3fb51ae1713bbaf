using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// One running host, on its own SQLite file, with its own SMTP server, for every test of a feature collection.
/// Starting a host is the dearest step of a web test, so a collection pays it once. The tests of a collection run one
/// after another; each keeps its data apart by creating its own companies and people with identifiers from
/// <see cref="Identities"/>, and never moves the clock (a test that must keeps a host of its own).
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    public SmtpMailbox Mailbox { get; } = new();

    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mailbox.StartAsync();
        App = AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port);
        // Started here, once, rather than by whichever test happens to come first.
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Mailbox.DisposeAsync();
    }
}
