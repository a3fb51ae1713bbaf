namespace EmployerWorkflows.Runtime.Journal;

/// <summary>
/// One line of the audit trail: who (user, codice fiscale), for which company, did what, from which state to
/// which, when. Rows are only ever inserted.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public JournalKind Kind { get; set; }
    public Guid? InstanceId { get; set; }
    public string? DefinitionId { get; set; }
    public int? DefinitionVersion { get; set; }
    public Guid? CompanyId { get; set; }
    public string? UserId { get; set; }
    public string? CodiceFiscale { get; set; }
    public string ActorName { get; set; } = "";
    public string? Trigger { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    /// <summary>Readable summary of what happened; secret payload fields are masked.</summary>
    public string Summary { get; set; } = "";
}

public enum JournalKind
{
    Started = 0, Transition = 1, Reminder = 2, Operation = 3, Incident = 4,
    Retry = 5, Cancel = 6, Migration = 7, Domain = 8,
}
