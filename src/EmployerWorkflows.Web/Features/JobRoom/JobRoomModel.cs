namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// A company as the Swiss UID register knows it: the UID and the postal address a power of attorney is mailed
/// to (rule 3). Its <see cref="Id"/> is the company id of the SECO procedures' instances and journal entries.
/// </summary>
public sealed class UidRegisterEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Canonical form <c>CHE123456789</c>.</summary>
    public string Uid { get; set; } = "";
    public string Name { get; set; } = "";
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Town { get; set; } = "";
    public string Country { get; set; } = "CH";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
}

/// <summary>
/// A person's Job-Room account linked to a UID (rule 1). The first account activated for a UID is its main
/// administrator (rule 2); later ones are approved by that administrator or, when no account existed, by a
/// power of attorney (rule 3).
/// </summary>
public sealed class JobRoomAccount
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegisterEntryId { get; set; }
    public string Uid { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Language { get; set; } = "it";
    public JobRoomAccountStatus Status { get; set; }
    public bool IsMainAdministrator { get; set; }
    /// <summary>The procedure deciding the request: power of attorney or the main administrator's approval.</summary>
    public Guid? RequestInstanceId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    /// <summary>Last known use of the account on Job-Room; drives the six-month inactivity check (rule 4).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    /// <summary>Day the person stopped working for the company (rule 4).</summary>
    public DateTimeOffset? LeftCompanyAt { get; set; }
    public long Version { get; set; }

    public bool IsActive => Status == JobRoomAccountStatus.Active && LeftCompanyAt is null;
}

public enum JobRoomAccountStatus { AwaitingApproval = 0, AwaitingPowerOfAttorney = 1, Active = 2, Refused = 3, Expired = 4 }

/// <summary>
/// A «pagamento arretrato» (KAE back-payment) request filed on the eService for a UID, with the RIS number of
/// the SECO letter and the account that filed it. When that person goes inactive or leaves, the write rights
/// must move to another account (rule 4).
/// </summary>
public sealed class BackPaymentCase
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegisterEntryId { get; set; }
    public string Uid { get; set; } = "";
    public string RisNumber { get; set; } = "";
    public Guid FiledByAccountId { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    /// <summary>When the daily check proposed the write-rights renewal; null until then.</summary>
    public DateTimeOffset? RenewalProposedAt { get; set; }
    public Guid? RenewalInstanceId { get; set; }
}

/// <summary>
/// One write-rights renewal (Phase B) and its companion correction-deadline instance. The reference is in the
/// subject of the KAE-FFE email, so replies can be matched to the procedure.
/// </summary>
public sealed class WriteRightsProcedure
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Reference { get; set; } = "";
    public Guid RegisterEntryId { get; set; }
    public string Uid { get; set; } = "";
    public Guid InstanceId { get; set; }
    public Guid? DeadlineInstanceId { get; set; }
    public Guid? BackPaymentCaseId { get; set; }
    /// <summary>The responsible person doing Phase A/B; null while only proposed to the administrators.</summary>
    public string? RequesterUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
