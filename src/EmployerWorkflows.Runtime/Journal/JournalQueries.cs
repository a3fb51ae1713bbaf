using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>A page of journal entries, newest first; pass <see cref="NextBefore"/> to get the following page.</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, long? NextBefore);

/// <summary>Reads the audit trail per instance, company or user, with keyset paging (newest first).</summary>
public sealed class JournalQueries(IWorkflowDbContextFactory contexts)
{
    public Task<JournalPage> ForInstanceAsync(Guid instanceId, long? before = null, int pageSize = 50, CancellationToken cancellationToken = default) =>
        PageAsync(q => q.Where(j => j.InstanceId == instanceId), before, pageSize, cancellationToken);

    public Task<JournalPage> ForCompanyAsync(Guid companyId, long? before = null, int pageSize = 50, CancellationToken cancellationToken = default) =>
        PageAsync(q => q.Where(j => j.CompanyId == companyId), before, pageSize, cancellationToken);

    public Task<JournalPage> ForUserAsync(string userId, long? before = null, int pageSize = 50, CancellationToken cancellationToken = default) =>
        PageAsync(q => q.Where(j => j.UserId == userId), before, pageSize, cancellationToken);

    private async Task<JournalPage> PageAsync(
        Func<IQueryable<JournalEntry>, IQueryable<JournalEntry>> filter, long? before, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = contexts.CreateDbContext();
        var query = filter(db.Set<JournalEntry>().AsNoTracking());
        if (before is { } id)
            query = query.Where(j => j.Id < id);
        var rows = await query.OrderByDescending(j => j.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        return new JournalPage(rows, more ? rows[^1].Id : null);
    }
}
