using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>The same host on the throwaway PostgreSQL server.</summary>
internal sealed class PostgresIntermittentHost(PostgresCluster postgres) : IntermittentHost
{
    protected override async Task<AppFactory> CreateAppAsync() =>
        AppFactory.OnPostgres(await postgres.CreateDatabaseAsync("intermittent"), Mailbox.Host, Mailbox.Port);
}

/// <summary>The smoke path on PostgreSQL: registration, approval, a communication with two workers, receipt, cancellation, SMS.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresIntermittentTests(PostgresCluster postgres) : IAsyncLifetime
{
    private readonly IntermittentHost host = new PostgresIntermittentHost(postgres);

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task CallsAndCancellation_WorkOnPostgres()
    {
        var (_, companyCf, admin) = await host.ApprovedCompanyAsync("Trattoria Postgres");
        var (a, b) = (IntermittentHost.NewWorkerCf(), IntermittentHost.NewWorkerCf());
        var id = await host.DraftAsync(admin, (a, host.Today.AddDays(1), host.Today.AddDays(2)), (b, host.Today.AddDays(1), null));

        var sent = await host.SendAsync(admin, id);
        var receipt = await admin.GetAsync($"/api/intermittent/communications/{id}/receipt");
        var cancelled = await admin.PostAsJsonAsync("/api/intermittent/cancellations",
            new { callIds = new[] { sent.GetProperty("lines")[0].GetProperty("id").GetGuid() } });
        var mobile = "3471234567";
        await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/sms-numbers", new { number = mobile }), HttpStatusCode.Created);
        var sms = host.Anonymous();
        sms.DefaultRequestHeaders.Add("X-Sms-Secret", IntermittentHost.SmsSecret);
        var smsReply = await sms.PostAsJsonAsync("/api/intermittent/sms/inbound", new { from = mobile, text = $"I {IntermittentHost.NewWorkerCf()}" });

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("A", (await IntermittentHost.JsonAsync(cancelled, HttpStatusCode.Created)).GetProperty("typeCode").GetString());
        Assert.Equal(HttpStatusCode.OK, smsReply.StatusCode);
        Assert.Equal(2, (await host.MailAsync($"ufficio-{companyCf}@example.it", "Ricevuta comunicazione", 3)).Count(m => (m.Subject ?? "").Contains("invio chiamata")));
    }
}
