using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using EmployerWorkflows.Web.Tests.Intermittent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Intermediaries;

/// <summary>An active employer, a registered labour consultant, and the steps of «Invita per…» as people take them.</summary>
public abstract class DelegationScenario : CompanyScenario
{
    protected const string Intermittent = "intermittent-registration";

    protected async Task<(HttpClient Client, AppUser Person)> ConsultantAsync(string surnameCode = "CNSLNT")
    {
        var person = await PersonAsync(surnameCode);
        var client = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        await ReadAsync(await client.PutAsJsonAsync("/api/intermediaries/me", new
        {
            type = "labour-consultant", name = "Studio Esempio", registerName = "Albo dei consulenti del lavoro di Bologna", registerNumber = "BO-1234",
        }), HttpStatusCode.OK);
        return (client, person);
    }

    protected static async Task<JsonElement> InviteAsync(HttpClient admin, Guid companyId, AppUser consultant, string[] scope, DateOnly expiresOn) =>
        await ReadAsync(await admin.PostAsJsonAsync($"/api/companies/{companyId}/delegations",
            new { intermediaryCodiceFiscale = consultant.CodiceFiscale, scope, expiresOn }), HttpStatusCode.Created);

    /// <summary>The consultant's open invitation task, answered with <paramref name="action"/>.</summary>
    protected static async Task<HttpResponseMessage> AnswerAsync(HttpClient consultant, Guid companyId, string action) =>
        await CompleteAsync(consultant, await TaskForAsync(consultant, companyId), action, new JsonObject());

    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>An employer that delegated the consultant, who accepted.</summary>
    protected async Task<(HttpClient Admin, Guid CompanyId, HttpClient Consultant, AppUser Person, Guid DelegationId)> DelegatedAsync(
        string[] scope, int days = 30)
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var (consultant, person) = await ConsultantAsync();
        var delegation = await InviteAsync(admin, companyId, person, scope, Today.AddDays(days));
        await ReadAsync(await AnswerAsync(consultant, companyId, "accept"), HttpStatusCode.OK);
        return (admin, companyId, consultant, person, delegation.GetProperty("id").GetGuid());
    }

    protected static Task<HttpResponseMessage> RegisterForIntermittentAsync(HttpClient client, Guid companyId) =>
        client.PostAsync("/api/intermittent/registrations", IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf));

    protected async Task<List<JournalEntry>> JournalAsync(Guid companyId, string trigger)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<JournalEntry>().AsNoTracking()
            .Where(e => e.CompanyId == companyId && e.Trigger == trigger).ToListAsync();
    }
}
