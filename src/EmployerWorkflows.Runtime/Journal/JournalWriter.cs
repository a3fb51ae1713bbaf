using EmployerWorkflows.Runtime.Execution;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>
/// The one way to write to the audit trail from outside a transition: a domain operation (a company edit, a
/// profile change, a receipt) recorded in the caller's unit of work, so the entry commits with the change or not at all.
/// </summary>
public static class JournalWriter
{
    /// <summary>Adds the entry to <paramref name="db"/> (no SaveChanges).</summary>
    /// <param name="operation">What was done, as a stable name, e.g. <c>company.update</c>.</param>
    /// <param name="summary">What changed, readable; never secrets.</param>
    public static void RecordOperation(DbContext db, WorkflowActor actor, Guid? companyId, string operation, string summary,
        DateTimeOffset now, Guid? instanceId = null) =>
        Record(db, new JournalEntry
        {
            At = now,
            Kind = JournalKind.Domain,
            InstanceId = instanceId,
            CompanyId = companyId,
            UserId = actor.UserId,
            CodiceFiscale = actor.CodiceFiscale,
            ActorName = actor.DisplayName,
            Trigger = operation,
            Summary = summary.Length > 4000 ? summary[..3999] + "…" : summary,
        });

    internal static JournalEntry Record(DbContext db, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != 0)
            throw new InvalidOperationException("Journal entries are append-only: record a new entry instead of reusing one.");
        if (entry.At == default)
            throw new ArgumentException("Set At from the application's TimeProvider.", nameof(entry));
        db.Set<JournalEntry>().Add(entry);
        return entry;
    }
}
