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

/// <summary>
/// A host with a real SMTP server, and the steps people take in the company procedures. The host is either the
/// shared one of the class's feature collection (the class passes its <see cref="SharedHost"/> in) or, for classes
/// whose tests move the clock, a private one per test.
/// </summary>
/// <remarks>
/// On a shared host the scenario never touches what another test could see: its legal representative, companies and
/// people are new, with unique identifiers, and <see cref="MailsAsync"/> only counts mail sent to its own people.
/// </remarks>
public abstract class CompanyScenario : IAsyncLifetime
{
    /// <summary>The demo legal representative, who submits on a private host.</summary>
    public const string LegalRepresentative = "LGLRPP75H06A944H";
    public const string LegalRepresentativeEmail = "lucia.legale@example.org";
    protected static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly SharedHost? shared;
    private readonly SmtpMailbox? ownMailbox;
    private readonly HashSet<string> ownAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> ownCodes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A private host (and SMTP server) for each test.</summary>
    protected CompanyScenario()
    {
        ownMailbox = new SmtpMailbox();
        Representative = LegalRepresentative;
        RepresentativeEmail = LegalRepresentativeEmail;
        CompanyCf = "12345670371";
    }

    /// <summary>The shared host of the class's collection.</summary>
    protected CompanyScenario(SharedHost shared)
    {
        this.shared = shared;
        Representative = Identities.CodiceFiscale("LGLRPP");
        RepresentativeEmail = Identities.Email("legale");
        CompanyCf = Identities.PartitaIva();
        ownCodes.UnionWith([Representative, CompanyCf]);
    }

    protected SmtpMailbox Mailbox => shared?.Mailbox ?? ownMailbox!;
    protected AppFactory App { get; private set; } = null!;

    /// <summary>Codice fiscale of the person who registers this test's companies and becomes their administrator.</summary>
    protected string Representative { get; }

    protected string RepresentativeEmail { get; }

    /// <summary>Codice fiscale (partita IVA) of the company a test registers when it names none.</summary>
    protected string CompanyCf { get; }

    public async Task InitializeAsync()
    {
        if (shared is not null)
        {
            App = shared.App;
            await CreateUserAsync(Representative, "Lucia", "Legale", RepresentativeEmail, loggedIn: true, emailConfirmed: true);
            return;
        }
        await ownMailbox!.StartAsync();
        App = await CreateAppAsync();
    }

    protected virtual Task<AppFactory> CreateAppAsync() => Task.FromResult(AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port));

    public async Task DisposeAsync()
    {
        // The shared host and its mailbox belong to the collection.
        if (shared is not null) return;
        App.Dispose();
        await ownMailbox!.DisposeAsync();
    }

    protected Task<HttpClient> Submitter() => TestClients.LoggedInAsync(App, Representative);
    protected Task<HttpClient> Reviewer() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.AgencyReviewer));

    /// <summary>Company data whose legal representative is this scenario's submitter (rule 33: no delegation needed).</summary>
    protected CompanyInput Input(string? cf = null) => CompanyInputValidatorTests.Valid(cf ?? CompanyCf) with
    {
        LegalRepresentative = new LegalRepresentativeInput("Lucia", "Legale", Representative),
    };

    protected static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    protected async Task<Guid> RegisterAsync(HttpClient submitter, string? cf = null)
    {
        ownCodes.Add(cf ?? CompanyCf);
        var created = await ReadAsync(await submitter.PostAsJsonAsync("/api/company-registrations",
            new { company = Input(cf), firstUnitName = "Sede di Bologna" }), HttpStatusCode.Created);
        return created.GetProperty("companyId").GetGuid();
    }

    /// <summary>The open task of the company's procedure in the caller's inbox.</summary>
    /// <remarks>Reads every page: on a shared host the agency's inbox holds the open tasks of every test before this one.</remarks>
    protected static async Task<JsonElement> TaskForAsync(HttpClient client, Guid companyId)
    {
        var found = new List<JsonElement>();
        for (string? page = "/api/tasks?limit=200"; page is not null;)
        {
            var tasks = await ReadAsync(await client.GetAsync(page), HttpStatusCode.OK);
            found.AddRange(tasks.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("companyId").GetString() == companyId.ToString()));
            page = tasks.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        var task = Assert.Single(found);
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
        if (shared is not null)
            throw new InvalidOperationException("A test that moves the clock needs a private host: the shared one's clock belongs to every test of the collection.");
        App.Clock.Advance(by);
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>A registered company, approved by a reviewer: the legal representative is its administrator.</summary>
    protected async Task<(HttpClient Admin, Guid CompanyId)> ActiveCompanyAsync(string? cf = null)
    {
        var admin = await Submitter();
        var companyId = await RegisterAsync(admin, cf);
        var reviewer = await Reviewer();
        await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "approve"), HttpStatusCode.OK);
        return (admin, companyId);
    }

    /// <summary>
    /// A person with a synthetic codice fiscale starting with <paramref name="surnameCode"/>, unique in the run;
    /// <paramref name="loggedIn"/> says whether they ever logged in.
    /// </summary>
    protected Task<AppUser> PersonAsync(string surnameCode, bool loggedIn = true) =>
        CreateUserAsync(Identities.CodiceFiscale(surnameCode), surnameCode, "Persona", Identities.Email(surnameCode), loggedIn, emailConfirmed: false);

    private async Task<AppUser> CreateUserAsync(string cf, string firstName, string lastName, string email, bool loggedIn, bool emailConfirmed)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = firstName, LastName = lastName, Email = email,
            EmailConfirmed = emailConfirmed, LastLoginAt = loggedIn ? App.Clock.GetUtcNow() : null,
        };
        var result = await users.CreateAsync(user, TestClients.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        ownAddresses.Add(email);
        ownCodes.Add(cf);
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

    /// <summary>
    /// Waits for <paramref name="count"/> mails whose subject contains <paramref name="subjectPart"/>; on a shared
    /// host only mail to this test's own people counts.
    /// </summary>
    protected Task<IReadOnlyList<MimeKit.MimeMessage>> MailsAsync(int count, string subjectPart) =>
        Mailbox.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), m => m.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true && IsOwn(m));

    /// <summary>
    /// Whether a mail is this test's: always on a private host; on a shared one when it is addressed to one of its
    /// people or names one of its companies or people (notices to the agency's address do).
    /// </summary>
    protected bool IsOwn(MimeKit.MimeMessage message) =>
        shared is null
        || message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => ownAddresses.Contains(m.Address))
        || ownCodes.Any(code => (message.Subject ?? "").Contains(code, StringComparison.OrdinalIgnoreCase)
            || (message.TextBody ?? "").Contains(code, StringComparison.OrdinalIgnoreCase));
}
