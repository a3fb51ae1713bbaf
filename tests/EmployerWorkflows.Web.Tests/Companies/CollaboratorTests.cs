using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

[Collection(CompaniesCollection.Name)]
public sealed class CollaboratorTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task Enable_IsRefused_WhenPersonNeverLoggedIn()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var stranger = await PersonAsync("NVRLGN", loggedIn: false);
        var problem = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members", new
        {
            codiceFiscale = stranger.CodiceFiscale, kind = "Collaborator", relationship = "Stable", dataProcessingAuthorised = true,
            profiles = new[] { new { profile = "gestione-co-sare", unitId = (Guid?)null } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("mai effettuato l'accesso", problem.GetProperty("errors").GetProperty("codiceFiscale")[0].GetString());
    }

    [Fact]
    public async Task Enable_RefusesProfileAtForbiddenLevel_AndStoresNothing()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var unitId = (await CompanyAsync(admin, companyId)).GetProperty("units")[0].GetProperty("id").GetGuid();
        var person = await PersonAsync("CLLBRT");
        var problem = await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members", new
        {
            codiceFiscale = person.CodiceFiscale, kind = "Collaborator", relationship = "Stable", dataProcessingAuthorised = true,
            profiles = new[] { new { profile = "storico-co-sare", unitId = (Guid?)unitId } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("solo a livello di gruppo", problem.GetProperty("errors").GetProperty("profiles[0]")[0].GetString());
        using var scope = App.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Membership>().CountAsync(m => m.CompanyId == companyId));
    }

    [Fact]
    public async Task Enable_GivesProfilesAtTheirLevels_WhenAllowed()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var unitId = (await CompanyAsync(admin, companyId)).GetProperty("units")[0].GetProperty("id").GetGuid();
        var person = await PersonAsync("OFFRTL");
        var member = await EnableAsync(admin, companyId, person, profiles:
            [new { profile = "offerte-lavoro", unitId = (Guid?)unitId }, new { profile = "storico-co-sare", unitId = (Guid?)null }]);
        Assert.Equal(2, member.GetProperty("profiles").GetArrayLength());
        var collaborator = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        Assert.Equal(HttpStatusCode.OK, (await collaborator.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await collaborator.GetAsync($"/api/companies/{companyId}/members")).StatusCode);
    }

    [Fact]
    public async Task StolenCredentials_RevokeCollaboratorAtOnce_AndSuspendAdministratorWithAgencyTask()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var collaborator = await PersonAsync("RBTCLL");
        var collaboratorId = (await EnableAsync(admin, companyId, collaborator)).GetProperty("id").GetGuid();
        var secondAdmin = await PersonAsync("SCNDDM");
        var secondAdminId = (await EnableAsync(admin, companyId, secondAdmin, "Administrator", [])).GetProperty("id").GetGuid();

        var revoked = await ReadAsync(await admin.PostAsync($"/api/companies/{companyId}/members/{collaboratorId}/report-stolen-credentials", null), HttpStatusCode.OK);
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        Assert.Empty(revoked.GetProperty("profiles").EnumerateArray());

        var suspended = await ReadAsync(await admin.PostAsync($"/api/companies/{companyId}/members/{secondAdminId}/report-stolen-credentials", null), HttpStatusCode.OK);
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        Assert.Single(await MailsAsync(1, "Credenziali rubate"));
        var task = await TaskForAsync(await Reviewer(), companyId);
        Assert.Equal("stolen-credentials", task.GetProperty("task").GetProperty("definitionId").GetString());

        // The suspended administrator acts for nothing, however they log in.
        var thief = await TestClients.LoggedInAsync(App, secondAdmin.CodiceFiscale);
        Assert.Equal(HttpStatusCode.NotFound, (await thief.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thief.GetAsync($"/api/companies/{companyId}/members")).StatusCode);
        Assert.DoesNotContain(companyId.ToString(), await thief.GetStringAsync("/api/companies"));
    }

    [Fact]
    public async Task RoleChange_OpensAReviewTaskForTheAdministrator()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("CMBRLO");
        var memberId = (await EnableAsync(admin, companyId, person)).GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/members/{memberId}/role-change",
            new { description = "Passa all'ufficio acquisti" }), HttpStatusCode.OK);
        var task = await TaskForAsync(admin, companyId);
        Assert.Equal("privileges-review", task.GetProperty("task").GetProperty("form").GetString());
        await ReadAsync(await CompleteAsync(admin, task, "confirmed", new JsonObject { ["note"] = "Tolto il profilo CO." }), HttpStatusCode.OK);
    }
}
