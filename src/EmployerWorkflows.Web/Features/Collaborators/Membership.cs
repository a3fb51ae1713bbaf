namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// A person's place in a company: administrator or collaborator (rule 32), with the profiles they hold and
/// the state of their working relationship, which decides until when they may act (rules 38, 39, 43).
/// </summary>
public sealed class Membership
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CompanyId { get; set; }
    public string UserId { get; set; } = "";
    public MembershipKind Kind { get; set; }
    public MembershipStatus Status { get; set; } = MembershipStatus.Active;
    public RelationshipKind Relationship { get; set; } = RelationshipKind.Stable;
    /// <summary>The collaborator is authorised to process personal data for the company (rule 37).</summary>
    public bool DataProcessingAuthorised { get; set; }
    /// <summary>Day the working relationship ended; privileges go within 5 days (rule 39).</summary>
    public DateOnly? RelationshipEndedOn { get; set; }
    public string? SuspensionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset? EndedAt { get; set; }
    public List<ProfileAssignment> Profiles { get; set; } = [];
    public long Version { get; set; }

    public bool CanAct => Status == MembershipStatus.Active;
}

public enum MembershipKind { Administrator = 0, Collaborator = 1 }

public enum MembershipStatus { Active = 0, Suspended = 1, Revoked = 2 }

/// <summary>Administrators need an active and stable relationship; collaborators an active one (rule 38).</summary>
public enum RelationshipKind { Stable = 0, Temporary = 1 }

/// <summary>One profile held at group level (<see cref="UnitId"/> null) or on one organisational unit.</summary>
public sealed class ProfileAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MembershipId { get; set; }
    public string Profile { get; set; } = "";
    public Guid? UnitId { get; set; }
}
