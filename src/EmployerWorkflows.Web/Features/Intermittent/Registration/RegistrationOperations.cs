using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Registration;

/// <summary>The help desk approved a registration: from now its applicant may communicate calls (rule 21).</summary>
public sealed class ApproveRegistration : IWorkflowOperation
{
    public string Name => "intermittent.registration.approve";
    public string Description => "Enables a person registered to intermittent-work calls to send communications.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
        [new("registrationId", OperationInputType.Guid, true, "Registration the help desk approved.")];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var registration = await context.Db.Set<ServiceRegistration>().SingleAsync(r => r.Id == (Guid)context.Inputs["registrationId"]!, cancellationToken);
        registration.Status = RegistrationStatus.Approved;
        registration.DecidedAt = context.Now;
        JournalWriter.RecordOperation(context.Db, context.Actor, registration.CompanyId, Name,
            $"Registration {registration.Id} to intermittent-work calls approved.", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>The help desk rejected a registration, with the reason the applicant is told.</summary>
public sealed class RejectRegistration : IWorkflowOperation
{
    public string Name => "intermittent.registration.reject";
    public string Description => "Rejects a registration to intermittent-work calls, keeping the reason.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("registrationId", OperationInputType.Guid, true, "Registration the help desk rejected."),
        new("reason", OperationInputType.String, true, "Why, as the applicant will read it."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var registration = await context.Db.Set<ServiceRegistration>().SingleAsync(r => r.Id == (Guid)context.Inputs["registrationId"]!, cancellationToken);
        registration.Status = RegistrationStatus.Rejected;
        registration.DecidedAt = context.Now;
        registration.DecisionReason = (string?)context.Inputs["reason"];
        JournalWriter.RecordOperation(context.Db, context.Actor, registration.CompanyId, Name,
            $"Registration {registration.Id} to intermittent-work calls rejected.", context.Now, context.InstanceId);
        return null;
    }
}
