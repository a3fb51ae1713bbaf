using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

/// <summary>
/// The submitter answers a request for integration: corrected company data and a message, saved together with
/// the step back to review. Only the submitter may do it, only while the agency waits for it.
/// </summary>
public sealed class ResubmitRegistration(AppDbContext db, InstanceQueries instances, IWorkflowEngine engine, TimeProvider clock)
{
    public async Task<Outcome<ResubmissionView>> HandleAsync(Guid companyId, ResubmissionRequest request, WorkflowActor actor, CancellationToken ct)
    {
        var company = await db.Set<Company>().Include(c => c.Types).Include(c => c.Units)
            .SingleOrDefaultAsync(c => c.Id == companyId && c.SubmittedByUserId == actor.UserId, ct);
        if (company is null) return Outcome<ResubmissionView>.NotFound();
        var instance = await instances.RunningAsync(RegisterCompany.DefinitionId, companyId.ToString(), ct);
        if (instance is null) return Outcome<ResubmissionView>.NotFound();

        var errors = request.Company is null ? new FieldErrors() : CompanyInputValidator.Validate(request.Company, registration: false);
        errors.Required("message", request.Message, "Messaggio per l'agenzia", "Message to the agency").MaxLength("message", request.Message, 4000);
        if (errors.Any) return Outcome<ResubmissionView>.Invalid(errors);

        var now = clock.GetUtcNow();
        if (request.Company is not null)
        {
            company.Apply(request.Company);
            company.UpdatedAt = now;
            company.Version++;
            JournalWriter.RecordOperation(db, actor, companyId, "company.update", "Company data corrected during integration.", now, instance.Id);
        }
        var payload = new JsonObject { ["message"] = request.Message!.Trim() };
        // The document the agency asked for, uploaded to this procedure first; the step checks it is the caller's.
        if (request.RequestedDocumentFile is { } document) payload["requestedDocumentFile"] = document.ToString();
        var result = await engine.FireAsync(db, new FireTrigger(instance.Id, CompanyRegistrationTriggers.Resubmit, actor, payload, request.ExpectedVersion,
            request.IdempotencyKey), ct);
        return Outcome<ResubmissionView>.Done(new ResubmissionView(result.InstanceId, result.State, result.Version));
    }
}

/// <param name="Company">Corrected data; the codice fiscale cannot be changed. Null keeps the data as is.</param>
/// <param name="RequestedDocumentFile">Id of the requested document, uploaded with <c>POST /api/tasks/{taskId}/documents</c>;
/// required when the agency asked for one.</param>
public sealed record ResubmissionRequest(CompanyInput? Company, string? Message, long? ExpectedVersion, string? IdempotencyKey,
    Guid? RequestedDocumentFile = null);

/// <summary>Where the registration stands after the answer.</summary>
public sealed record ResubmissionView(Guid InstanceId, string State, long Version);
