using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators.Operations;

/// <summary>Suspends a membership: the person can no longer act for the company (rules 39, 43).</summary>
public sealed class SuspendMember : WorkflowOperation<SuspendMember.Input>
{
    public sealed record Input(
        [Description("Membership to suspend.")] Guid MembershipId,
        [Description("Why, for the audit trail.")] string Reason);

    public override string Name => "member.suspend";
    public override string Description => "Suspends a person's membership of a company; their profiles stop working at once.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var member = await context.Db.Set<Membership>().SingleAsync(m => m.Id == input.MembershipId, cancellationToken);
        if (member.Status == MembershipStatus.Active) member.Status = MembershipStatus.Suspended;
        member.SuspensionReason = input.Reason;
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, member.CompanyId, Name, $"Membership {member.Id} suspended: {member.SuspensionReason}", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>Gives a suspended membership back its rights, after the agency's review.</summary>
public sealed class ReinstateMember : WorkflowOperation<ReinstateMember.Input>
{
    public sealed record Input([Description("Membership to reactivate.")] Guid MembershipId);

    public override string Name => "member.reinstate";
    public override string Description => "Reactivates a suspended membership.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var member = await context.Db.Set<Membership>().SingleAsync(m => m.Id == input.MembershipId, cancellationToken);
        member.Status = MembershipStatus.Active;
        member.SuspensionReason = null;
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, member.CompanyId, Name, $"Membership {member.Id} reinstated.", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>Enables the new administrator approved by the agency (rule 35).</summary>
public sealed class EnableAdministrator : WorkflowOperation<EnableAdministrator.Input>
{
    public sealed record Input(
        [Description("Company.")] Guid CompanyId,
        [Description("Person who becomes administrator.")] string UserId);

    public override string Name => "admin.enable";
    public override string Description => "Makes a person administrator of a company.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var (companyId, userId) = (input.CompanyId, input.UserId);
        var member = await context.Db.Set<Membership>().Include(m => m.Profiles)
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == userId, cancellationToken);
        if (member is null)
            context.Db.Add(member = new Membership { CompanyId = companyId, UserId = userId, CreatedAt = context.Now, CreatedByUserId = context.Actor.UserId ?? "system" });
        member.Kind = MembershipKind.Administrator;
        member.Status = MembershipStatus.Active;
        member.Relationship = RelationshipKind.Stable;
        member.DataProcessingAuthorised = true;
        if (member.Profiles.All(p => p.Profile != Profiles.Administrator))
            member.Profiles.Add(new ProfileAssignment { MembershipId = member.Id, Profile = Profiles.Administrator });
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name, $"User {userId} enabled as administrator after agency verification.", context.Now, context.InstanceId);
        return member.Id.ToString();
    }
}

/// <summary>Disables the old administrator once replaced (rule 35).</summary>
public sealed class DisableAdministrator : WorkflowOperation<DisableAdministrator.Input>
{
    public sealed record Input(
        [Description("Company.")] Guid CompanyId,
        [Description("Administrator membership to revoke.")] Guid MembershipId);

    public override string Name => "admin.disable";
    public override string Description => "Revokes an administrator of a company.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var companyId = input.CompanyId;
        var member = await context.Db.Set<Membership>().Include(m => m.Profiles)
            .SingleAsync(m => m.Id == input.MembershipId && m.CompanyId == companyId, cancellationToken);
        member.Status = MembershipStatus.Revoked;
        member.EndedAt = context.Now;
        member.Profiles.Clear();
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name, $"Administrator membership {member.Id} revoked.", context.Now, context.InstanceId);
        return null;
    }
}
