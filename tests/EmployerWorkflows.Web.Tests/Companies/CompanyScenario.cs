using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>A host with a real SMTP server, and the steps people take in the company procedures.</summary>
public abstract class CompanyScenario : IAsyncLifetime
{
    public const string LegalRepresentative = "LGLRPP75H06A944H";
    public const string LegalRepresentativeEmail = "lucia.legale@example.org";
    protected static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    protected SmtpMailbox Mailbox { get; } = new();
    protected AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mailbox.StartAsync();
        App = await CreateAppAsync();
    }

    protected virtual Task<AppFactory> CreateAppAsync() => Task.FromResult(AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port));

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Mailbox.DisposeAsync();
    }

    protected Task<HttpClient> Submitter() => TestClients.LoggedInAsync(App, LegalRepresentative);
    protected Task<HttpClient> Reviewer() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.AgencyReviewer));

    protected static CompanyInput Input(string cf = "12345670371") => CompanyInputValidatorTests.Valid(cf);

    protected static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    protected async Task<Guid> RegisterAsync(HttpClient submitter, string cf = "12345670371")
    {
        var created = await ReadAsync(await submitter.PostAsJsonAsync("/api/company-registrations",
            new { company = Input(cf), firstUnitName = "Sede di Bologna" }), HttpStatusCode.Created);
        return created.GetProperty("companyId").GetGuid();
    }

    /// <summary>The open task of the company's procedure in the caller's inbox.</summary>
    protected static async Task<JsonElement> TaskForAsync(HttpClient client, Guid companyId)
    {
        var tasks = await ReadAsync(await client.GetAsync("/api/tasks?limit=200"), HttpStatusCode.OK);
        var task = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("companyId").GetString() == companyId.ToString());
        return await ReadAsync(await client.GetAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
    }

    protected static Task<HttpResponseMessage> CompleteAsync(HttpClient client, JsonElement task, string action, JsonObject? payload = null) =>
        client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("task").GetProperty("id").GetGuid()}/complete",
            new { action, payload, expectedVersion = task.GetProperty("instanceVersion").GetInt64() });

    protected async Task<JsonElement> CompanyAsync(HttpClient client, Guid companyId) =>
        await ReadAsync(await client.GetAsync($"/api/companies/{companyId}"), HttpStatusCode.OK);

    /// <summary>Moves the host's clock and runs the timer sweep, as the recurring job would.</summary>
    protected async Task AdvanceAsync(TimeSpan by)
    {
        App.Clock.Advance(by);
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>A registered company, approved by a reviewer: the legal representative is its administrator.</summary>
    protected async Task<(HttpClient Admin, Guid CompanyId)> ActiveCompanyAsync(string cf = "12345670371")
    {
        var admin = await Submitter();
        var companyId = await RegisterAsync(admin, cf);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);
        return (admin, companyId);
    }

    /// <summary>A person with a synthetic codice fiscale; <paramref name="loggedIn"/> says whether they ever logged in.</summary>
    protected async Task<AppUser> PersonAsync(string surnameCode, bool loggedIn = true)
    {
        var body = $"{surnameCode}90A01H501";
        var cf = body + CodiceFiscale.CheckCharacter(body);
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = surnameCode, LastName = "Persona", Email = $"{surnameCode.ToLowerInvariant()}@example.org",
            LastLoginAt = loggedIn ? App.Clock.GetUtcNow() : null,
        };
        var result = await users.CreateAsync(user, TestClients.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    protected static async Task<JsonElement> EnableAsync(HttpClient admin, Guid companyId, AppUser person, string kind = "Collaborator",
        object[]? profiles = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/companies/{companyId}/members", new
        {
            codiceFiscale = person.CodiceFiscale, kind, relationship = "Stable", dataProcessingAuthorised = true,
            profiles = profiles ?? [new { profile = "gestione-co-sare", unitId = (Guid?)null }],
        });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    protected Task<IReadOnlyList<MimeKit.MimeMessage>> MailsAsync(int count, string subjectPart) =>
        Mailbox.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), m => m.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true);
}
