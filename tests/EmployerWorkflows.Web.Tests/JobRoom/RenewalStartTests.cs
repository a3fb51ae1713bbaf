using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>How a renewal starts (daily inactivity check, or on demand before Phase A is done) and how its deadline moves.</summary>
public sealed class RenewalStartTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    [Fact]
    public async Task InactivityCheck_ProposesRenewalToMainAdministratorOnce_WhenFilerUnusedForSixMonths()
    {
        var company = await host.CompanyAsync("Inattivi Lugano SA");
        var colleague = await host.ColleagueAsync(company, "Filippo");
        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/approve", new { });
        var caseId = await host.BackPaymentCaseAsync(company, colleague.AccountId, "A87654321");
        Assert.Equal(0, await RunCheckAsync());

        host.Clock.Advance(TimeSpan.FromDays(185));
        var proposed = await RunCheckAsync();

        Assert.True(proposed >= 1);
        Assert.Equal(0, await RunCheckAsync());
        var instanceId = await host.QueryAsync(db => db.Set<BackPaymentCase>().Where(c => c.Id == caseId).Select(c => c.RenewalInstanceId).SingleAsync());
        Assert.Equal("Proposed", (await host.InstanceAsync(instanceId!.Value)).State);
        const string proposal = "Rinnovo dei diritti di scrittura «Pagamento arretrato» per Inattivi Lugano SA";
        var adminAddress = $"{company.AdminCf}@example.ch";
        await host.MailAsync(adminAddress, proposal);
        await OutboxDrain.AllDeliveredAsync(host.Services);
        var mail = Assert.Single(host.Mailbox.Messages(), m => m.Subject == proposal
            && m.To.Mailboxes.Any(b => string.Equals(b.Address, adminAddress, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("non usa il proprio conto Job-Room da almeno 6 mesi", mail.TextBody);

        using var admin = await host.ClientAsync(company.AdminCf);
        var tasks = await admin.GetFromJsonAsync<JsonElement>("/api/tasks?limit=200");
        Assert.Contains(tasks.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instanceId);
        var accepted = await admin.PostAsJsonAsync($"/api/jobroom/write-rights/{instanceId}/accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("AccountCheck", (await host.InstanceAsync(instanceId.Value)).State);
    }

    [Fact]
    public async Task InactivityCheck_ProposesRenewal_WhenFilerLeftTheCompany()
    {
        var company = await host.CompanyAsync("Partenze Locarno SA");
        var colleague = await host.ColleagueAsync(company, "Lara");
        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/approve", new { });
        var caseId = await host.BackPaymentCaseAsync(company, colleague.AccountId, "12340000");

        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.PostAsJsonAsync($"/api/jobroom/accounts/{colleague.AccountId}/left-company", new { })).StatusCode);
        await RunCheckAsync();

        var instanceId = await host.QueryAsync(db => db.Set<BackPaymentCase>().Where(c => c.Id == caseId).Select(c => c.RenewalInstanceId).SingleAsync());
        Assert.Equal("Proposed", (await host.InstanceAsync(instanceId!.Value)).State);
        var mail = Assert.Single(await host.MailAsync($"{company.AdminCf}@example.ch", "Rinnovo dei diritti di scrittura «Pagamento arretrato» per Partenze Locarno SA"));
        Assert.Contains("non lavora più in azienda", mail.TextBody);
    }

    [Fact]
    public async Task Renewal_WaitsForPhaseAThenResumes_WhenResponsiblePersonHasNoActiveAccountYet()
    {
        var company = await host.CompanyAsync("Attese Ascona SA");
        var colleague = await host.ColleagueAsync(company, "Nadia");
        var started = await colleague.Client.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/account-check", new { })).StatusCode);
        Assert.Equal("AwaitingAccount", (await host.InstanceAsync(id)).State);
        Assert.Single(await host.MailAsync($"{colleague.Cf}@example.ch", "Fase A: conto Job-Room per Attese Ascona SA"));

        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/approve", new { });

        Assert.Equal("EServiceLogin", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task Renewal_FilesNewAccountRequest_WhenWaitingRequestWasRefused()
    {
        var company = await host.CompanyAsync("Rifiuti Brissago SA");
        var colleague = await host.ColleagueAsync(company, "Oscar");
        var started = await colleague.Client.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();
        await colleague.Client.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/account-check", new { });
        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/refuse", new { reason = "Persona sconosciuta" });

        var again = await colleague.Client.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/account-check", new { });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("AwaitingAccount", (await host.InstanceAsync(id)).State);
        var mine = await colleague.Client.GetFromJsonAsync<JsonElement>("/api/jobroom/accounts/mine");
        var account = mine.EnumerateArray().Single(a => a.GetProperty("uid").GetString() == company.Uid);
        Assert.Equal("AwaitingApproval", account.GetProperty("status").GetString());
        Assert.NotEqual(colleague.InstanceId, account.GetProperty("requestInstanceId").GetGuid());
    }

    [Fact]
    public async Task CorrectionDeadline_RemindsMovesWhenFundGrantsExtensionAndLapsesAfterNewDate()
    {
        var company = await host.CompanyAsync("Proroghe Morcote SA");
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var (id, reference, deadlineId) = await host.RenewalAtLoginStepAsync(company, today.AddDays(20).ToString("yyyy-MM-dd"));

        host.Clock.Advance(TimeSpan.FromDays(7.1));
        await host.SweepAsync();
        Assert.Single(await host.MailAsync($"{company.AdminCf}@example.ch", "Promemoria: termine per la correzione di Proroghe Morcote SA"));

        using var admin = await host.ClientAsync(company.AdminCf);
        var asked = await admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/deadline/extension-request",
            new { fundId = "cantonal", reason = "Contabilità in revisione fino a fine mese." });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var request = Assert.Single(await host.MailAsync("cassa-cantonale@example.ch", "Proroghe Morcote SA"));
        Assert.Contains("Contabilità in revisione fino a fine mese.", request.TextBody);
        Assert.Contains($"KAE-FFE-{reference}", request.TextBody);

        var newDeadline = today.AddDays(60);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/deadline/extension-granted",
            new { newDeadline = newDeadline.ToString("yyyy-MM-dd") })).StatusCode);
        Assert.Contains(await host.QueryAsync(db => db.Set<JournalEntry>().Where(e => e.Trigger == "jobroom.correctionDeadline.extended").ToListAsync()),
            e => e.Summary.Contains($"to {newDeadline:yyyy-MM-dd}") && e.Summary.Contains(reference));

        host.Clock.Advance(TimeSpan.FromDays(20));
        await host.SweepAsync();
        Assert.Equal("Open", (await host.InstanceAsync(deadlineId)).State);
        host.Clock.Advance(TimeSpan.FromDays(35));
        await host.SweepAsync();
        Assert.Equal("Lapsed", (await host.InstanceAsync(deadlineId)).State);
        Assert.Single(await host.MailAsync($"{company.AdminCf}@example.ch", "Termine per la correzione scaduto per Proroghe Morcote SA"));
        Assert.Equal(InstanceStatus.Running, (await host.InstanceAsync(id)).Status);
    }

    private async Task<int> RunCheckAsync()
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InactivityCheckJob>().RunAsync(CancellationToken.None);
    }
}
