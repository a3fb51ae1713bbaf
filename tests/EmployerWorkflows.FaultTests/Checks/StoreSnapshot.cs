namespace EmployerWorkflows.FaultTests.Checks;

public sealed record StoredCompany(Guid Id, string CodiceFiscale);

public sealed record StoredInstance(Guid Id, Guid? CompanyId, string DefinitionId, string State, long Version);

public sealed record StoredTransition(Guid InstanceId, string? Trigger, string? FromState, string? ToState);

public sealed record StoredTimer(Guid Id, Guid InstanceId, int Kind, string? Trigger, int Status);

public sealed record StoredEmail(string MessageId, string To, int Status, int Attempts, DateTimeOffset CreatedAt);

/// <summary>Everything the fault checks compare, read in one go once the load has stopped.</summary>
public sealed record StoreSnapshot(
    IReadOnlyList<StoredCompany> Companies,
    IReadOnlyList<StoredInstance> Instances,
    IReadOnlyList<StoredTransition> Transitions,
    IReadOnlyList<StoredTimer> Timers,
    IReadOnlyList<StoredEmail> Emails)
{
    // Enum values as stored: JournalKind.Transition, TimerKind.Timer, TimerStatus.Fired, OutboxStatus.Sent.
    public const int TransitionKind = 1;
    public const int DeadlineKind = 0;
    public const int Fired = 1;
    public const int Sent = 1;

    public static async Task<StoreSnapshot> ReadAsync(Store store) => new(
        await store.ReadAsync("""SELECT "Id", "CodiceFiscale" FROM "Companies" """,
            r => new StoredCompany(Store.Id(r, 0), r.GetString(1))),
        await store.ReadAsync("""SELECT "Id", "CompanyId", "DefinitionId", "State", "Version" FROM "WorkflowInstances" """,
            r => new StoredInstance(Store.Id(r, 0), Store.OptionalId(r, 1), r.GetString(2), r.GetString(3), Convert.ToInt64(r.GetValue(4)))),
        await store.ReadAsync($"""SELECT "InstanceId", "Trigger", "FromState", "ToState" FROM "WorkflowJournal" WHERE "Kind" = {TransitionKind}""",
            r => new StoredTransition(Store.Id(r, 0), Store.Text(r, 1), Store.Text(r, 2), Store.Text(r, 3))),
        await store.ReadAsync("""SELECT "Id", "InstanceId", "Kind", "Trigger", "Status" FROM "WorkflowTimers" """,
            r => new StoredTimer(Store.Id(r, 0), Store.Id(r, 1), Convert.ToInt32(r.GetValue(2)), Store.Text(r, 3), Convert.ToInt32(r.GetValue(4)))),
        await store.ReadAsync("""SELECT "MessageId", "To", "Status", "Attempts", "CreatedAt" FROM "OutboxMessages" """,
            r => new StoredEmail(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2)), Convert.ToInt32(r.GetValue(3)), Time(r.GetValue(4)))));

    /// <summary>
    /// SQLite keeps times as EF Core's sortable binary form (milliseconds-precision ticks shifted past an 11-bit
    /// offset in minutes; the app writes UTC only); PostgreSQL as timestamptz.
    /// </summary>
    private static DateTimeOffset Time(object value) => value switch
    {
        long binary => new DateTimeOffset((binary >> 11) * 1000, TimeSpan.Zero),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new InvalidOperationException($"Unexpected time value {value} ({value.GetType()})."),
    };
}
