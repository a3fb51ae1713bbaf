namespace EmployerWorkflows.Web.Features.Intermediaries;

/// <summary>
/// A labour consultant, a trade association or another «soggetto abilitato» (rules 13, 19, 30): a person registered
/// with their own identity and the register (albo/elenco) that entitles them to act for employers.
/// </summary>
public sealed class Intermediary
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The person who acts; one registration per person.</summary>
    public string UserId { get; set; } = "";
    /// <summary>A company type that acts for employers (<see cref="Companies.CompanyType.ActsForEmployers"/>).</summary>
    public string Type { get; set; } = "";
    /// <summary>The firm or association, as employers know it.</summary>
    public string Name { get; set; } = "";
    public string RegisterName { get; set; } = "";
    public string RegisterNumber { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An employer's delegation to an intermediary («Invita per…»): the procedures it covers and the last day it holds.
/// It gives nothing until the intermediary accepts, and nothing from the moment it is revoked or its day passes.
/// </summary>
public sealed class Delegation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CompanyId { get; set; }
    public Guid IntermediaryId { get; set; }
    /// <summary>Procedure (definition) ids the intermediary may act on, space-separated.</summary>
    public string Scope { get; set; } = "";
    /// <summary>Last day the delegation holds (inclusive).</summary>
    public DateOnly ExpiresOn { get; set; }
    public DelegationStatus Status { get; set; } = DelegationStatus.Invited;
    public string InvitedByUserId { get; set; } = "";
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByUserId { get; set; }
    /// <summary>The invitation procedure the intermediary answers.</summary>
    public Guid? InstanceId { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<string> Procedures => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Covers(string definitionId) => Procedures.Contains(definitionId, StringComparer.Ordinal);

    public bool HoldsOn(DateOnly day) => Status == DelegationStatus.Active && day <= ExpiresOn;
}

/// <summary>Invited → Active or Refused (or Lapsed, unanswered); Active or Invited → Revoked.</summary>
public enum DelegationStatus { Invited = 0, Active = 1, Refused = 2, Revoked = 3, Lapsed = 4 }
