using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermediaries.Operations;

/// <summary>
/// The intermediary's answer to an invitation, or its lapse: an invitation the employer revoked meanwhile stays
/// revoked, so an acceptance racing a revocation never brings the delegation back.
/// </summary>
public sealed class AnswerDelegation : WorkflowOperation<AnswerDelegation.Input>
{
    public sealed record Input(
        [Description("Delegation the invitation is about.")] Guid DelegationId,
        [Description("Active, Refused or Lapsed.")] string Outcome);

    public override string Name => "delegation.answer";
    public override string Description => "Records the intermediary's answer to an invitation to act for an employer (Active, Refused or Lapsed).";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DelegationStatus>(input.Outcome, out var outcome)
            || outcome is not (DelegationStatus.Active or DelegationStatus.Refused or DelegationStatus.Lapsed))
            throw new InvalidOperationException($"Outcome '{input.Outcome}' is not Active, Refused or Lapsed.");
        var delegation = await context.Db.Set<Delegation>().SingleAsync(d => d.Id == input.DelegationId, cancellationToken);
        if (delegation.Status != DelegationStatus.Invited) return null;
        delegation.Status = outcome;
        delegation.AnsweredAt = context.Now;
        delegation.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, delegation.CompanyId, Name,
            $"Delegation {delegation.Id}: {outcome}.", context.Now, context.InstanceId);
        return null;
    }
}
