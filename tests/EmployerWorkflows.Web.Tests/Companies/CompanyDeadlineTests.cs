using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>
/// The company procedures' deadlines, reminders and automatic outcomes. These tests move the clock, so each keeps a
/// host of its own instead of the companies collection's shared one.
/// </summary>
public sealed class CompanyDeadlineTests : CompanyScenario
{
    [Fact]
    public async Task AdminReplacement_EscalatesToAgency_WhenOldAdministratorIsNotDisabledInTime()
    {
        var (_, companyId) = await ActiveCompanyAsync();
        var newcomer = await PersonAsync("LTDMIN");
        var requester = await TestClients.LoggedInAsync(App, newcomer.CodiceFiscale);
        await ReadAsync(await requester.PostAsJsonAsync("/api/admin-replacements",
            new { companyCodiceFiscale = CompanyCf, reason = "Accesso perso." }), HttpStatusCode.Created);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);

        for (var day = 0; day < 8; day++) await AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(3, (await MailsAsync(3, "Promemoria: disabilita")).Count);
        var escalated = await TaskForAsync(await Reviewer(), companyId);
        Assert.Equal("Escalated", escalated.GetProperty("instanceState").GetString());
        Assert.Equal("Urgent", escalated.GetProperty("task").GetProperty("priority").GetString());
    }

    [Fact]
    public async Task EndOfRelationship_SuspendsAndNotifiesAgency_WhenNotRevokedWithinFiveDays()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("FNRPPR");
        var member = await EnableAsync(admin, companyId, person);
        var memberId = member.GetProperty("id").GetGuid();
        var endedOn = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members/{memberId}/end-relationship", new { endedOn }), HttpStatusCode.OK);
        Assert.Contains(person.CodiceFiscale, (await MailsAsync(1, "Fine del rapporto")).Single().TextBody);

        for (var day = 0; day < 7; day++) await AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(4, (await MailsAsync(4, "Promemoria: revoca")).Count);
        var notice = (await MailsAsync(1, "Sospensione d'ufficio")).Single();
        Assert.Equal("agenzia@employerworkflows.local", notice.To.Mailboxes.Single().Address);
        using var scope = App.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>().SingleAsync(m => m.Id == memberId);
        Assert.Equal(MembershipStatus.Suspended, stored.Status);
        var collaborator = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        Assert.Equal(HttpStatusCode.NotFound, (await collaborator.GetAsync($"/api/companies/{companyId}")).StatusCode);
    }

    [Fact]
    public async Task Revoke_ClosesTheRevocationProcedure_WhenDoneBeforeTheDeadline()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("RVCPRS");
        var memberId = (await EnableAsync(admin, companyId, person)).GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members/{memberId}/end-relationship",
            new { endedOn = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime) }), HttpStatusCode.OK);
        var revoked = await ReadAsync(await admin.PostAsync($"/api/companies/{companyId}/members/{memberId}/revoke", null), HttpStatusCode.OK);
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());

        admin = await Submitter();
        for (var day = 0; day < 7; day++) await AdvanceAsync(TimeSpan.FromDays(1));
        admin = await Submitter();
        await OutboxDrain.AllDeliveredAsync(App.Services);
        Assert.DoesNotContain(Mailbox.Messages(), m => m.Subject?.Contains("Sospensione d'ufficio") == true);
        var journal = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);
        Assert.Contains(journal.GetProperty("entries").EnumerateArray(), e => e.GetProperty("trigger").GetString() == "collaborator.revoke");
    }

    [Fact]
    public async Task Registration_IsRejectedAutomatically_AfterRemindersWhenIntegrationDeadlinePasses()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "requestIntegration",
            new JsonObject { ["reason"] = "Indicare l'albo." }), HttpStatusCode.OK);

        await AdvanceAsync(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await AdvanceAsync(TimeSpan.FromDays(5));
        Assert.Equal(2, (await MailsAsync(2, "Promemoria")).Count);
        await AdvanceAsync(TimeSpan.FromDays(5));

        reviewer = await Reviewer(); // fifteen days later the morning session has long expired
        Assert.Equal("Rejected", (await CompanyAsync(reviewer, companyId)).GetProperty("status").GetString());
        Assert.Single(await MailsAsync(1, "mancata integrazione"));
    }
}
