namespace EmployerWorkflows.Web.Features.Intermittent;

/// <summary>How a person registered to the service (rule 21): for their own company, or as a labour consultant.</summary>
public enum ApplicantKind { Company = 0, Consultant = 1 }

public enum RegistrationStatus { Pending = 0, Approved = 1, Rejected = 2 }

/// <summary>
/// A request to use «Gestione Intermittenti» (rule 21). Nothing can be communicated until the help desk approves it;
/// a rejected request may be followed by a new one. The documents are the procedure's files.
/// </summary>
public sealed class ServiceRegistration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public ApplicantKind Kind { get; set; }
    /// <summary>The company a company applicant acts for; null for a consultant, who names the employer on each communication.</summary>
    public Guid? CompanyId { get; set; }
    public RegistrationStatus Status { get; set; }
    public Guid InstanceId { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public enum CommunicationType { Invio = 0, Annullamento = 1 }

public enum CommunicationStatus { Bozza = 0, Inviata = 1 }

/// <summary>
/// A call communication (rules 23–27): several workers and periods for one employer. A draft (Bozza) can be
/// edited or deleted; once sent (Inviata) it has its number and receipt and never changes. A cancellation is a
/// sent communication of type A naming the calls it cancelled.
/// </summary>
public sealed class CallCommunication
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegistrationId { get; set; }
    public CommunicationType Type { get; set; }
    public CommunicationStatus Status { get; set; }
    /// <summary>The 15-digit communication code, given when sent.</summary>
    public string? Number { get; set; }
    public string EmployerCf { get; set; } = "";
    public string EmployerName { get; set; } = "";
    public string EmployerEmail { get; set; } = "";
    public string CreatedByUserId { get; set; } = "";
    /// <summary>How it arrived: web (pages and API) or SMS.</summary>
    public string Channel { get; set; } = "web";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public byte[]? Receipt { get; set; }
    public List<CallLine> Lines { get; set; } = [];
    /// <summary>Optimistic concurrency: a draft edited in two tabs never loses an edit silently.</summary>
    public long Version { get; set; }
}

public enum CallStatus { Attiva = 0, Annullata = 1 }

/// <summary>One worker's period in a communication. The end date is optional: a single day has only the start.</summary>
public sealed class CallLine
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CommunicationId { get; set; }
    public string WorkerCf { get; set; } = "";
    /// <summary>The codice comunicazione of the intermittent hiring CO chosen for the line, if any (rule 24).</summary>
    public string? CoCode { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public CallStatus Status { get; set; }
    /// <summary>On a call: the type A communication that cancelled it. On a cancellation's own line: the call it cancels.</summary>
    public Guid? CancelledByCommunicationId { get; set; }
    public Guid? CancelsLineId { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    public DateOnly LastDay => EndDate ?? StartDate;
}

/// <summary>An intermittent hiring communication (CO) in the archive the agency keeps (rule 24).</summary>
public sealed class IntermittentContract
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string EmployerCf { get; set; } = "";
    public string WorkerCf { get; set; } = "";
    /// <summary>16 digits, opaque (DOMAIN §4.8).</summary>
    public string CoCode { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>A mobile number registered to send calls by SMS for a company (rule 28).</summary>
public sealed class SmsNumber
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegistrationId { get; set; }
    /// <summary>National significant number, unique: a number sends for one registration only.</summary>
    public string NationalNumber { get; set; } = "";
    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
