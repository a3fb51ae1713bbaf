using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators.Operations;

/// <summary>Suspends a membership: the person can no longer act for the company (rules 39, 43).</summary>
public sealed class SuspendMember : IWorkflowOperation
{
    public string Name => "member.suspend";
    public string Description => "Suspends a person's membership of a company; their profiles stop working at once.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("membershipId", OperationInputType.Guid, true, "Membership to suspend."),
        new("reason", OperationInputType.String, true, "Why, for the audit trail."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var member = await context.Db.Set<Membership>().SingleAsync(m => m.Id == (Guid)context.Inputs["membershipId"]!, cancellationToken);
        if (member.Status == MembershipStatus.Active) member.Status = MembershipStatus.Suspended;
        member.SuspensionReason = (string)context.Inputs["reason"]!;
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, member.CompanyId, Name, $"Membership {member.Id} suspended: {member.SuspensionReason}", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>Gives a suspended membership back its rights, after the agency's review.</summary>
public sealed class ReinstateMember : IWorkflowOperation
{
    public string Name => "member.reinstate";
    public string Description => "Reactivates a suspended membership.";
    public IReadOnlyList<OperationInput> Inputs { get; } = [new("membershipId", OperationInputType.Guid, true, "Membership to reactivate.")];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var member = await context.Db.Set<Membership>().SingleAsync(m => m.Id == (Guid)context.Inputs["membershipId"]!, cancellationToken);
        member.Status = MembershipStatus.Active;
        member.SuspensionReason = null;
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, member.CompanyId, Name, $"Membership {member.Id} reinstated.", context.Now, context.InstanceId);
        return null;
    }
}

/// <summary>Enables the new administrator approved by the agency (rule 35).</summary>
public sealed class EnableAdministrator : IWorkflowOperation
{
    public string Name => "admin.enable";
    public string Description => "Makes a person administrator of a company.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("companyId", OperationInputType.Guid, true, "Company."),
        new("userId", OperationInputType.String, true, "Person who becomes administrator."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var companyId = (Guid)context.Inputs["companyId"]!;
        var userId = (string)context.Inputs["userId"]!;
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
public sealed class DisableAdministrator : IWorkflowOperation
{
    public string Name => "admin.disable";
    public string Description => "Revokes an administrator of a company.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("companyId", OperationInputType.Guid, true, "Company."),
        new("membershipId", OperationInputType.Guid, true, "Administrator membership to revoke."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var companyId = (Guid)context.Inputs["companyId"]!;
        var member = await context.Db.Set<Membership>().Include(m => m.Profiles)
            .SingleAsync(m => m.Id == (Guid)context.Inputs["membershipId"]! && m.CompanyId == companyId, cancellationToken);
        member.Status = MembershipStatus.Revoked;
        member.EndedAt = context.Now;
        member.Profiles.Clear();
        member.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name, $"Administrator membership {member.Id} revoked.", context.Now, context.InstanceId);
        return null;
    }
}
