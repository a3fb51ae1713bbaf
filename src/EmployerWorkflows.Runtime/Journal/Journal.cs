using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>Writing to the audit trail from the host's own domain operations.</summary>
public static class Journal
{
    /// <summary>
    /// Adds <paramref name="entry"/> to <paramref name="db"/> (no SaveChanges): it is recorded only if the
    /// caller's transaction commits, together with the change it describes. Kind defaults to Domain.
    /// </summary>
    public static JournalEntry Record(DbContext db, JournalEntry entry)
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
