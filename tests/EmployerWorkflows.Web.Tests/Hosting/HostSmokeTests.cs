using System.Net;
using System.Text.Json;
using EmployerWorkflows.Infrastructure.Jobs;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>The same start-up checks on each database provider: health, login, a job, an email.</summary>
public abstract class HostSmokeTests : IAsyncLifetime
{
    protected SmtpMailbox Mailbox { get; } = new();
    protected AppFactory App { get; private set; } = null!;

    protected abstract Task<AppFactory> CreateAppAsync();

    public async Task InitializeAsync()
    {
        await Mailbox.StartAsync();
        App = await CreateAppAsync();
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Mailbox.DisposeAsync();
    }

    [Fact]
    public async Task Health_ReportsDatabaseAndJobServerReady_WhenHostStarted()
    {
        var client = TestClients.Anonymous(App);
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("application/json", live.Content.Headers.ContentType?.MediaType);
        var ready = await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement,
            r => r.GetProperty("status").GetString() == "Healthy", "ready health");
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Login_OpensOperatorDashboard_WhenOperatorLogsIn()
    {
        var client = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.Operator));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task HangfireJob_Succeeds_WhenEnqueued()
    {
        var jobs = App.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Enqueue<OutboxDeliveryJob>(j => j.RunAsync(CancellationToken.None));
        var storage = App.Services.GetRequiredService<JobStorage>();
        var state = await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(id)?.Name),
            s => s is "Succeeded" or "Failed", "job to finish");
        Assert.Equal("Succeeded", state);
    }

    [Fact]
    public async Task Email_ReachesSmtpServer_WhenQueuedInTransaction()
    {
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            OutboxQueue.Enqueue(db, new OutboxMessage
            {
                To = "legale@example.org", Subject = "Prova di consegna", TextBody = "Corpo del messaggio",
            }, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var messages = await Mailbox.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("Prova di consegna", messages[0].Subject);
        Assert.Equal("legale@example.org", messages[0].To.Mailboxes.Single().Address);
    }
}

[Collection(HangfireCollection.Name)]
public sealed class SqliteHostSmokeTests : HostSmokeTests
{
    protected override Task<AppFactory> CreateAppAsync() =>
        Task.FromResult(AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port));

    [Fact]
    public void Database_IsInWalMode_WhenCreatedAtStartUp()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}

[Collection(HangfireCollection.Name)]
public sealed class PostgresHostSmokeTests(PostgresCluster postgres) : HostSmokeTests
{
    protected override async Task<AppFactory> CreateAppAsync() =>
        AppFactory.OnPostgres(await postgres.CreateDatabaseAsync("web"), Mailbox.Host, Mailbox.Port);

    [Fact]
    public async Task DataProtectionKeys_AreStoredInTheDatabase_WhenHostIssuedACookie()
    {
        await TestClients.Anonymous(App).GetAsync("/account/login");
        using var scope = App.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToList());
    }
}
