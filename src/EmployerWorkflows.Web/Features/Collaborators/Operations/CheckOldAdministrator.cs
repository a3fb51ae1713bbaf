using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators.Operations;

/// <summary>
/// <c>admin.checkOldAdministrator</c>: the administrator named for disabling is a (not revoked) administrator of the
/// procedure's company other than the requester; otherwise the replacement step is refused.
/// </summary>
public sealed class CheckOldAdministrator : IWorkflowOperation
{
    public string Name => "admin.checkOldAdministrator";
    public string Description => "Refuses a membership that is not a current administrator of the company, or is the requester's own.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("companyId", OperationInputType.Guid, true, "The company (vars.companyId)."),
        new("membershipId", OperationInputType.String, true, "The administrator to disable (payload.membershipId)."),
        new("requesterUserId", OperationInputType.String, true, "The new administrator (vars.requester.userId)."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var companyId = (Guid)context.Inputs["companyId"]!;
        var requester = (string)context.Inputs["requesterUserId"]!;
        var valid = Guid.TryParse((string?)context.Inputs["membershipId"], out var membershipId)
                    && await context.Db.Set<Membership>().AnyAsync(m => m.Id == membershipId && m.CompanyId == companyId
                        && m.Kind == MembershipKind.Administrator && m.Status != MembershipStatus.Revoked && m.UserId != requester, cancellationToken);
        return valid
            ? null
            : throw StepRefusedException.Field("membershipId", "Indica uno dei vecchi amministratori dell'azienda.",
                "Choose one of the company's old administrators.");
    }
}
