using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>
/// The real host on a fresh SQLite file (or a PostgreSQL database), mail to a real SMTP server, the SMS webhook
/// secret set; helpers that set up companies, consultants and approved registrations the way people would.
/// </summary>
public class IntermittentHost : IAsyncLifetime
{
    public const string SmsSecret = "sms-test-secret";
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    public static readonly byte[] Tiff = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 0, 0];
    public static readonly byte[] Bmp = [0x42, 0x4D, 0x1E, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0, 0, 0];

    private AppFactory app = null!;
    private WebApplicationFactory<Program> host = null!;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> people = new();

    public SmtpMailbox Mailbox { get; } = new();
    public FakeTimeProvider Clock => app.Clock;
    public IServiceProvider Services => host.Services;

    protected virtual Task<AppFactory> CreateAppAsync() => Task.FromResult(AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port));

    public async Task InitializeAsync()
    {
        await Mailbox.StartAsync();
        app = await CreateAppAsync();
        // Mid-morning in Italy, so "today" is the same calendar day in Rome and in UTC.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero));
        host = app.WithWebHostBuilder(b => b.UseSetting("Intermittent:SmsWebhookSecret", SmsSecret));
        _ = host.Services;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        app.Dispose();
        await Mailbox.DisposeAsync();
    }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    public HttpClient Anonymous() => TestClients.Anonymous(host);

    public async Task<HttpClient> ClientAsync(string codiceFiscale, string language = "it")
    {
        var client = Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await TestClients.PostLoginAsync(client, codiceFiscale, TestClients.DemoPassword)).StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language == "en" ? "en-GB" : "it-IT");
        people.AddOrUpdate(client, codiceFiscale);
        return client;
    }

    /// <summary>The same person logged in again: sessions last 8 hours, so a test that moves the clock by days logs in anew.</summary>
    public Task<HttpClient> LoginAgainAsync(HttpClient client) => ClientAsync(people.TryGetValue(client, out var cf) ? cf : throw new InvalidOperationException("Unknown client."));

    public Task<HttpClient> HelpDeskAsync() => ClientAsync(TestClients.DemoUserWithRole(Roles.HelpDesk));

    /// <summary>A new person with a valid synthetic codice fiscale and an email; returns the codice fiscale.</summary>
    public async Task<string> CreatePersonAsync(string firstName, string lastName)
    {
        // Unique in the whole run: the host may be shared by every class of the intermittent collection.
        var cf = Identities.CodiceFiscale(Letters(lastName) + Letters(firstName));
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser
        {
            UserName = cf, CodiceFiscale = cf, FirstName = firstName, LastName = lastName, Email = $"{cf.ToLowerInvariant()}@example.it",
            CreatedAt = Clock.GetUtcNow(),
        }, TestClients.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return cf;
    }

    /// <summary>An active company whose administrator is a new person; returns the company and the administrator's client.</summary>
    public async Task<(Guid CompanyId, string CompanyCf, string AdminCf, HttpClient Admin)> CompanyAsync(string name)
    {
        var cf = await CreatePersonAsync("Anna", name);
        var companyCf = NewPartitaIva();
        var companyId = Guid.NewGuid();
        await QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.CodiceFiscale == cf);
            db.Add(new Company
            {
                Id = companyId, CodiceFiscale = companyCf, Name = name, Email = $"ufficio-{companyCf}@example.it", Status = CompanyStatus.Active,
                SubmittedByUserId = user.Id, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
            });
            db.Add(new Membership { CompanyId = companyId, UserId = user.Id, Kind = MembershipKind.Administrator, CreatedAt = Clock.GetUtcNow(), CreatedByUserId = user.Id });
            return await db.SaveChangesAsync();
        });
        return (companyId, companyCf, cf, await ClientAsync(cf));
    }

    public static MultipartFormDataContent RegistrationForm(Guid? companyId, byte[] identity, string identityName = "documento.pdf",
        byte[]? deed = null, bool consultant = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(identity), "identityDocument", identityName } };
        if (companyId is { } id) form.Add(new StringContent(id.ToString()), "companyId");
        if (consultant) form.Add(new StringContent("true"), "consultant");
        if (deed is not null) form.Add(new ByteArrayContent(deed), "notarialDeed", "atto.pdf");
        return form;
    }

    /// <summary>Completes the help desk's open review task of the registration with the action given.</summary>
    public async Task<HttpResponseMessage> DecideAsync(Guid instanceId, string action, string? reason = null)
    {
        var taskId = await QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open)
            .Select(t => t.Id).SingleAsync());
        using var helpDesk = await HelpDeskAsync();
        return await helpDesk.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { action, payload = reason is null ? null : new Dictionary<string, string> { ["reason"] = reason } });
    }

    /// <summary>A company registered to the service and approved by the help desk.</summary>
    public async Task<(Guid CompanyId, string CompanyCf, HttpClient Admin)> ApprovedCompanyAsync(string name)
    {
        var (companyId, companyCf, _, admin) = await CompanyAsync(name);
        var registration = await JsonAsync(await admin.PostAsync("/api/intermittent/registrations", RegistrationForm(companyId, Pdf)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(registration.GetProperty("instanceId").GetGuid(), "approve")).StatusCode);
        return (companyId, companyCf, admin);
    }

    /// <summary>A draft of the company with the lines given (worker, start, end), each saved through the API.</summary>
    public async Task<Guid> DraftAsync(HttpClient client, params (string Worker, DateOnly Start, DateOnly? End)[] lines)
    {
        var draft = await JsonAsync(await client.PostAsJsonAsync("/api/intermittent/communications", new { }), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        foreach (var (worker, start, end) in lines)
            await JsonAsync(await client.PostAsJsonAsync($"/api/intermittent/communications/{id}/lines",
                new { workerCf = worker, startDate = Day(start), endDate = end is { } e ? Day(e) : null }), HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonElement> SendAsync(HttpClient client, Guid id) =>
        await JsonAsync(await client.PostAsJsonAsync($"/api/intermittent/communications/{id}/send", new { confirm = true }), HttpStatusCode.OK);

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<IReadOnlyList<MimeKit.MimeMessage>> MailAsync(string to, string subject, int count = 1)
    {
        await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        return await Mailbox.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), m =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subject));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response, HttpStatusCode.BadRequest);
        return body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>A valid synthetic worker codice fiscale, different on every call.</summary>
    public static string NewWorkerCf() => Identities.CodiceFiscale("LVRWRK");

    /// <summary>A valid partita IVA, different on every call.</summary>
    public static string NewPartitaIva() => Identities.PartitaIva();

    private static string Letters(string name)
    {
        var letters = new string(name.ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray());
        return new string(letters.Where(c => !"AEIOU".Contains(c)).Concat(letters.Where(c => "AEIOU".Contains(c))).Concat("XXX").Take(3).ToArray());
    }
}
