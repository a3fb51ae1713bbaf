using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

/// <summary>
/// A person asks to register a company (rule 33): the registry record is created pending review, with its
/// first organisational unit (rule 31), and the review procedure starts, all in one transaction. A company
/// already registered or under review cannot be registered again; one whose registration was rejected can.
/// </summary>
public sealed class RegisterCompany(AppDbContext db, IWorkflowEngine engine, TimeProvider clock)
{
    public const string DefinitionId = "company-registration";

    public Task<Outcome<RegistrationView>> HandleAsync(RegistrationRequest request, AppUser user, WorkflowActor actor, CancellationToken ct) =>
        HandleAsync(request, null, user, actor, ct);

    /// <summary>Registers the company; a submitter who is not its legal representative must send the delegation.</summary>
    public async Task<Outcome<RegistrationView>> HandleAsync(RegistrationRequest request, DelegationUpload? delegation, AppUser user,
        WorkflowActor actor, CancellationToken ct)
    {
        var errors = CompanyInputValidator.Validate(request.Company, registration: true);
        errors.MaxLength("firstUnitName", request.FirstUnitName, 200);
        var submittedBy = SubmitterRole.Of(user, request.Company);
        SubmitterRole.Check(submittedBy, delegation, errors);
        if (errors.Any) return Outcome<RegistrationView>.Invalid(errors);

        var cf = CompanyCodiceFiscale.Parse(request.Company.CodiceFiscale).Value;
        var company = await db.Set<Company>().Include(c => c.Types).Include(c => c.Units).SingleOrDefaultAsync(c => c.CodiceFiscale == cf, ct);
        if (company is { Status: not CompanyStatus.Rejected })
            return Outcome<RegistrationView>.Invalid(Duplicate(company.Status));

        var now = clock.GetUtcNow();
        if (company is null)
        {
            company = new Company { CodiceFiscale = cf, CreatedAt = now };
            company.Units.Add(new OrganisationalUnit
            {
                CompanyId = company.Id, CreatedAt = now,
                Name = string.IsNullOrWhiteSpace(request.FirstUnitName) ? Lang.T("Sede legale", "Registered office") : request.FirstUnitName.Trim(),
            });
            db.Add(company);
        }
        company.Apply(request.Company);
        company.Status = CompanyStatus.PendingReview;
        company.SubmittedByUserId = user.Id;
        company.UpdatedAt = now;
        company.Version++;
        JournalWriter.RecordOperation(db, actor, company.Id, "company.register",
            $"Registration of {cf} ({company.Name}) submitted by {(submittedBy == SubmitterRole.Delegate ? "a delegate of the" : "the")} legal representative.", now);

        var variables = new JsonObject
        {
            ["companyId"] = company.Id.ToString(),
            ["company"] = new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = cf, ["vatNumber"] = cf.Length == 11 ? cf : null },
            ["submitter"] = new JsonObject
            {
                ["userId"] = user.Id, ["email"] = user.Email ?? company.Email, ["name"] = user.DisplayName,
                ["language"] = Lang.Code, ["codiceFiscale"] = user.CodiceFiscale,
            },
            [SubmitterRole.Variable] = submittedBy,
        };
        // The runtime's refusals (e.g. every version of the review retired) propagate; nothing is committed.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await engine.StartAsync(db, new StartWorkflow(DefinitionId, null, variables, company.Id.ToString(), company.Id, actor), ct);
            if (submittedBy == SubmitterRole.Delegate && delegation is not null)
            {
                InstanceDocuments.Store(db, result.InstanceId, company.Id, SubmitterRole.DocumentName, SafeName(delegation.FileName),
                    "application/pdf", delegation.Content, user.Id, now);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return Outcome<RegistrationView>.Done(new RegistrationView(company.Id, result.InstanceId, result.State,
                Lang.T("Richiesta inviata: l'agenzia la esaminerà entro 5 giorni lavorativi. Riceverai un'email con l'esito.",
                    "Request sent: the agency will review it within 5 working days. You will receive an email with the outcome.")));
        }
        catch (DbUpdateException)
        {
            // Another registration of the same codice fiscale committed first (unique index).
            return Outcome<RegistrationView>.Invalid(Duplicate(CompanyStatus.PendingReview));
        }
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? ""));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());
        return $"{(safe.Length == 0 ? "delega" : safe)}.pdf";
    }

    private static FieldErrors Duplicate(CompanyStatus status) => new FieldErrors().Add("codiceFiscale",
        status == CompanyStatus.Active
            ? new IdentifierError("Questa azienda è già registrata: chiedi a un suo amministratore di abilitarti, oppure avvia la sostituzione dell'amministratore.",
                "This company is already registered: ask one of its administrators to enable you, or start the administrator replacement.")
            : new IdentifierError("Per questa azienda c'è già una registrazione in corso di verifica.",
                "A registration of this company is already under review."));
}

public sealed record RegistrationRequest(CompanyInput Company, string? FirstUnitName);

/// <summary>What the submitter sees after sending: where the request stands and what happens next.</summary>
public sealed record RegistrationView(Guid CompanyId, Guid InstanceId, string State, string NextStep);
