using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>The company procedures' smoke subset on PostgreSQL: registration, approval, collaborators, deadlines.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresCompanyTests(PostgresCluster postgres) : CompanyScenario
{
    protected override async Task<AppFactory> CreateAppAsync() =>
        AppFactory.OnPostgres(await postgres.CreateDatabaseAsync("companies"), Mailbox.Host, Mailbox.Port);

    [Fact]
    public async Task RegistrationApprovalAndRevocation_WorkOnPostgres()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        Assert.Equal("Active", (await CompanyAsync(admin, companyId)).GetProperty("status").GetString());
        Assert.Single(await MailsAsync(1, "Registrazione approvata"));

        var person = await PersonAsync("PGCLLB");
        var memberId = (await EnableAsync(admin, companyId, person)).GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members/{memberId}/end-relationship",
            new { endedOn = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime) }), HttpStatusCode.OK);
        for (var day = 0; day < 7; day++) await AdvanceAsync(TimeSpan.FromDays(1));
        var notices = await MailsAsync(1, "Sospensione d'ufficio");
        Assert.True(notices.Count == 1, string.Join(" | ", notices.Select(m => $"{m.MessageId} {m.Date:O} {m.To}")));

        var again = await ReadAsync(await (await Submitter()).PostAsJsonAsync("/api/company-registrations", new { company = Input() }), HttpStatusCode.BadRequest);
        Assert.True(again.GetProperty("errors").TryGetProperty("codiceFiscale", out _));
    }
}
