using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Registration;

/// <summary>The help desk approved a registration: from now its applicant may communicate calls (rule 21).</summary>
public sealed class ApproveRegistration : WorkflowOperation<ApproveRegistration.Input>
{
    public sealed record Input([Description("Registration the help desk approved.")] Guid RegistrationId);

    public override string Name => "intermittent.registration.approve";
    public override string Description => "Enables a person registered to intermittent-work calls to send communications.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var registration = await context.Db.Set<ServiceRegistration>().SingleAsync(r => r.Id == input.RegistrationId, cancellationToken);
        registration.Status = RegistrationStatus.Approved;
        registration.DecidedAt = context.Now;
        JournalWriter.RecordOperation(context.Db, context.Actor, registration.CompanyId, Name,
            $"Registration {registration.Id} to intermittent-work calls approved.", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>The help desk rejected a registration, with the reason the applicant is told.</summary>
public sealed class RejectRegistration : WorkflowOperation<RejectRegistration.Input>
{
    public sealed record Input(
        [Description("Registration the help desk rejected.")] Guid RegistrationId,
        [Description("Why, as the applicant will read it.")] string Reason);

    public override string Name => "intermittent.registration.reject";
    public override string Description => "Rejects a registration to intermittent-work calls, keeping the reason.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var registration = await context.Db.Set<ServiceRegistration>().SingleAsync(r => r.Id == input.RegistrationId, cancellationToken);
        registration.Status = RegistrationStatus.Rejected;
        registration.DecidedAt = context.Now;
        registration.DecisionReason = input.Reason;
        JournalWriter.RecordOperation(context.Db, context.Actor, registration.CompanyId, Name,
            $"Registration {registration.Id} to intermittent-work calls rejected.", context.Now, context.InstanceId);
        return null;
    }
}
