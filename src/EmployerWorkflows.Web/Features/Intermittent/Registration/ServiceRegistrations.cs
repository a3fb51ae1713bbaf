using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Registration;

/// <summary>A registration as its applicant sees it.</summary>
public sealed record RegistrationView(Guid Id, ApplicantKind Kind, Guid? CompanyId, string? EmployerName, RegistrationStatus Status,
    Guid InstanceId, string? DecisionReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>
/// Registration to the service (rule 21): the applicant uploads the signed identity document (and, as a labour
/// consultant, the signed atto di notorietà), checked against the <c>intermittent-registration</c> form; the
/// help-desk review procedure starts with the documents attached, in one transaction. A company registers through
/// one of its administrators; a person has at most one open or approved registration per company, and one as consultant.
/// </summary>
public sealed class ServiceRegistrations(AppDbContext db, IWorkflowEngine engine, FileFormCatalog forms, UserManager<AppUser> users, TimeProvider clock,
    Companies.CompanyAccess access)
{
    public const string DefinitionId = "intermittent-registration";
    public const string FormId = "intermittent-registration";

    public async Task<Outcome<RegistrationView>> RegisterAsync(ClaimsPrincipal principal, IFormCollection posted, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Outcome<RegistrationView>.NotFound();
        var form = forms.Get(FormId) ?? throw new InvalidOperationException($"Form {FormId} is missing from workflows/forms.");
        var consultant = posted["consultant"].Contains("true");
        var submission = await FormInput.ReadAsync(form, posted, consultant ? ["notarialDeed"] : [], ct);
        var errors = submission.Errors;

        Company? company = null;
        if (!consultant)
        {
            if (!Guid.TryParse(posted["companyId"], out var companyId))
                errors.Add("companyId", "Scegli l'azienda per cui ti registri.", "Choose the company you register for.");
            else
            {
                company = await db.Set<Membership>().AsNoTracking()
                    .Where(m => m.CompanyId == companyId && m.UserId == user.Id && m.Kind == MembershipKind.Administrator && m.Status == MembershipStatus.Active)
                    .Join(db.Set<Company>().Where(c => c.Status == CompanyStatus.Active), m => m.CompanyId, c => c.Id, (m, c) => c)
                    .SingleOrDefaultAsync(ct);
                // An intermediary registers the employer it acts for when its delegation covers this procedure (rule 22).
                if (company is null && (await access.ForAsync(principal, companyId, ct))?.Delegation?.Covers(DefinitionId) == true)
                    company = await db.Set<Company>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId && c.Status == CompanyStatus.Active, ct);
                if (company is null)
                    errors.Add("companyId", "Puoi registrare solo un'azienda attiva di cui sei amministratore o che ti ha delegato per questo servizio.",
                        "You can register only an active company you administer or that delegated you for this service.");
            }
        }
        if (errors.Any) return Outcome<RegistrationView>.Invalid(errors);

        var kind = consultant ? ApplicantKind.Consultant : ApplicantKind.Company;
        var forCompany = company?.Id;
        var open = await db.Set<ServiceRegistration>().AsNoTracking()
            .Where(r => r.UserId == user.Id && r.Kind == kind && r.CompanyId == forCompany && r.Status != RegistrationStatus.Rejected)
            .Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (open is { } status)
            return status == RegistrationStatus.Approved
                ? Outcome<RegistrationView>.Refused("Sei già registrato al servizio.", "You are already registered to the service.")
                : Outcome<RegistrationView>.Refused("C'è già una tua richiesta in verifica dall'Help Desk.", "A request of yours is already under Help Desk review.");

        var now = clock.GetUtcNow();
        var registration = new ServiceRegistration
        {
            UserId = user.Id, Kind = kind, CompanyId = company?.Id, Status = RegistrationStatus.Pending, CreatedAt = now,
        };
        var actor = WorkflowActors.From(principal, company?.Id);
        var variables = new JsonObject
        {
            ["registrationId"] = registration.Id.ToString(),
            ["kind"] = kind == ApplicantKind.Consultant ? "consultant" : "company",
            ["applicant"] = CompanyRecipients.Of(user),
            ["employer"] = company is null ? null : new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = company.CodiceFiscale },
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        WorkflowResult started;
        try
        {
            started = await engine.StartAsync(db, new StartWorkflow(DefinitionId, null, variables, registration.Id.ToString(), company?.Id, actor), ct);
        }
        catch (NoPublishedVersionException)
        {
            return Outcome<RegistrationView>.Refused("La registrazione al servizio al momento non accetta nuove richieste: non è stato salvato nulla.",
                "Registration to the service is not taking requests at the moment: nothing was saved.");
        }
        registration.InstanceId = started.InstanceId;
        db.Add(registration);
        foreach (var file in submission.Files)
            InstanceDocuments.Store(db, started.InstanceId, company?.Id, file.Field, file.FileName, file.ContentType, file.Content, user.Id, now);
        JournalWriter.RecordOperation(db, actor, company?.Id, "intermittent.register",
            $"Registration to intermittent-work calls as {variables["kind"]} submitted{(company is null ? "" : $" for {company.CodiceFiscale}")}.", now, started.InstanceId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<RegistrationView>.Done(View(registration, company?.Name));
    }

    public async Task<IReadOnlyList<RegistrationView>> MineAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Set<ServiceRegistration>().AsNoTracking().Where(r => r.UserId == userId)
            .GroupJoin(db.Set<Company>(), r => r.CompanyId, c => c.Id, (r, c) => new { r, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.r, Name = c == null ? null : c.Name })
            .ToListAsync(ct);
        return rows.OrderByDescending(x => x.r.CreatedAt).Select(x => View(x.r, x.Name)).ToList();
    }

    /// <summary>
    /// The approved registration the person communicates under: the one named, or their only approved one. Refused
    /// (403) before the help desk's approval: nothing can be communicated until then (rule 21).
    /// </summary>
    public async Task<Outcome<ServiceRegistration>> ApprovedAsync(string userId, Guid? registrationId, CancellationToken ct)
    {
        var approved = await db.Set<ServiceRegistration>().AsNoTracking()
            .Where(r => r.UserId == userId && r.Status == RegistrationStatus.Approved && (registrationId == null || r.Id == registrationId))
            .ToListAsync(ct);
        return approved.Count switch
        {
            1 => Outcome<ServiceRegistration>.Done(approved[0]),
            0 => Outcome<ServiceRegistration>.Refused(
                "Le comunicazioni sono possibili solo dopo l'approvazione della registrazione al servizio da parte dell'Help Desk.",
                "Communications are possible only after the Help Desk has approved your registration to the service.", StatusCodes.Status403Forbidden),
            _ => Outcome<ServiceRegistration>.Invalid(new FieldErrors().Add("registrationId",
                "Hai più registrazioni approvate: indica per quale comunichi.", "You hold several approved registrations: say which one you communicate under.")),
        };
    }

    private static RegistrationView View(ServiceRegistration r, string? employerName) =>
        new(r.Id, r.Kind, r.CompanyId, employerName, r.Status, r.InstanceId, r.DecisionReason, r.CreatedAt, r.DecidedAt);

    internal static string KindText(ApplicantKind kind) =>
        kind == ApplicantKind.Consultant ? Lang.T("Consulente del lavoro", "Labour consultant") : Lang.T("Azienda", "Company");
}
