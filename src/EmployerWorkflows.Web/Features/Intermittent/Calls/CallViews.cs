namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>The employer a communication is for (DOMAIN §4.2).</summary>
public sealed record EmployerInput(string? CodiceFiscale, string? Name, string? Email);

public sealed record EmployerView(string CodiceFiscale, string Name, string Email);

/// <summary>
/// One call as shown: <see cref="ContinuesPrevious"/> marks a period that starts the day after the same worker's
/// previous one (consecutive periods are shown as such); <see cref="CommunicateBefore"/> is the day the work starts,
/// before which the call must be sent; <see cref="CancellableUntil"/> applies to sent Attiva calls.
/// </summary>
public sealed record LineView(Guid Id, string WorkerCf, string? CoCode, DateOnly StartDate, DateOnly? EndDate, int Days, CallStatus Status,
    bool ContinuesPrevious, DateOnly CommunicateBefore, bool Cancellable, DateTimeOffset? CancellableUntil, string? CancellationNumber);

public sealed record CommunicationView(Guid Id, string? Number, CommunicationType Type, string TypeCode, CommunicationStatus Status,
    Guid RegistrationId, EmployerView Employer, bool EmployerEditable, string Channel, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, long Version,
    IReadOnlyList<LineView> Lines);

public sealed record CommunicationSummary(Guid Id, string? Number, CommunicationType Type, string TypeCode, CommunicationStatus Status,
    string EmployerCf, string EmployerName, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Calls, int ActiveCalls);

/// <summary>A saved line with the intermittent COs found for its worker and employer (rule 24), and a warning when none.</summary>
public sealed record LineSaved(CommunicationView Communication, Guid LineId, IReadOnlyList<ContractView> Contracts, string? Warning);
