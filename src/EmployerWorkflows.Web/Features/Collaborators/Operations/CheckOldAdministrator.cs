using System.ComponentModel;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators.Operations;

/// <summary>
/// <c>admin.checkOldAdministrator</c>: the administrator named for disabling is a (not revoked) administrator of the
/// procedure's company other than the requester; otherwise the replacement step is refused.
/// </summary>
public sealed class CheckOldAdministrator : WorkflowOperation<CheckOldAdministrator.Input>
{
    /// <param name="MembershipId">Text, not a Guid: whatever the person typed must reach the check and be refused with a field error.</param>
    public sealed record Input(
        [Description("The company (vars.companyId).")] Guid CompanyId,
        [Description("The administrator to disable (payload.membershipId).")] string MembershipId,
        [Description("The new administrator (vars.requester.userId).")] string RequesterUserId);

    public override string Name => "admin.checkOldAdministrator";
    public override string Description => "Refuses a membership that is not a current administrator of the company, or is the requester's own.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var (companyId, requester) = (input.CompanyId, input.RequesterUserId);
        var valid = Guid.TryParse(input.MembershipId, out var membershipId)
                    && await context.Db.Set<Membership>().AnyAsync(m => m.Id == membershipId && m.CompanyId == companyId
                        && m.Kind == MembershipKind.Administrator && m.Status != MembershipStatus.Revoked && m.UserId != requester, cancellationToken);
        return valid
            ? null
            : throw StepRefusedException.Field("membershipId", "Indica uno dei vecchi amministratori dell'azienda.",
                "Choose one of the company's old administrators.");
    }
}
