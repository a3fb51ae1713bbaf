using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Instances;

/// <summary>
/// The operators' reads over instances: filtered keyset pages, the trouble counts, everything attached to one
/// instance, and the load per version. Answers are copies, never the runtime's rows.
/// </summary>
public sealed class InstanceMonitor(IWorkflowDbContextFactory contexts, TimeProvider clock)
{
    /// <summary>Pages run by id: instance ids are time-ordered, so page 100 costs what page 1 costs.</summary>
    public async Task<MonitoredPage> PageAsync(InstanceCriteria criteria, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var size = Math.Clamp(criteria.PageSize, 1, 200);
        var query = Filtered(db, criteria);
        if (criteria.After is { } after) query = query.Where(i => i.Id.CompareTo(after) > 0);
        var page = await query.OrderBy(i => i.Id).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        if (more) page.RemoveAt(page.Count - 1);
        var ids = page.Select(i => i.Id).ToList();
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => ids.Contains(i.InstanceId) && i.ResolvedAt == null)
            .GroupBy(i => i.InstanceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = page.Select(i => new MonitoredRow(InstanceView.From(i), incidents.GetValueOrDefault(i.Id))).ToList();
        return new MonitoredPage(rows, more ? page[^1].Id : null);
    }

    public async Task<InstanceCounts> CountAsync(CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var instances = db.Set<WorkflowInstance>().AsNoTracking();
        return new InstanceCounts(
            await instances.CountAsync(i => i.Status == InstanceStatus.Running, ct),
            await instances.CountAsync(i => i.Status == InstanceStatus.Faulted, ct),
            await Overdue(db, instances).CountAsync(ct),
            await db.Set<Incident>().AsNoTracking().CountAsync(i => i.ResolvedAt == null, ct));
    }

    /// <summary>Null when the instance does not exist.</summary>
    /// <param name="openIncidentsOnly">Leave out resolved incidents.</param>
    public async Task<InstanceAttachments?> AttachmentsAsync(Guid instanceId, bool openIncidentsOnly = false, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return null;
        var tasks = await db.Set<WorkflowTask>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var timers = await db.Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync(ct);
        var emails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.InstanceId == instanceId).OrderBy(m => m.CreatedAt)
            .Select(m => new EmailDelivery(m.Id, m.To, m.Subject, m.TextBody, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
        var incidents = await db.Set<Incident>().AsNoTracking()
            .Where(i => i.InstanceId == instanceId && (!openIncidentsOnly || i.ResolvedAt == null)).OrderByDescending(i => i.At).ToListAsync(ct);
        return new InstanceAttachments(InstanceView.From(instance), tasks.Select(InstanceTaskView.From).ToList(),
            timers.Select(InstanceTimerView.From).ToList(), emails, incidents.Select(IncidentView.From).ToList());
    }

    /// <summary>The first pending timer due after <paramref name="after"/> and no later than <paramref name="until"/>.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt > after && t.DueAt <= until)
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Instances still running or faulted (they still need their version to be repaired), per version.</summary>
    public async Task<IReadOnlyList<VersionLoad>> LoadPerVersionAsync(string? definitionId = null, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted)
            .Where(i => definitionId == null || i.DefinitionId == definitionId)
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new VersionLoad(g.Key.DefinitionId, g.Key.DefinitionVersion, g.Count()))
            .ToListAsync(ct);
    }

    private IQueryable<WorkflowInstance> Filtered(DbContext db, InstanceCriteria criteria)
    {
        var query = db.Set<WorkflowInstance>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(criteria.DefinitionId)) query = query.Where(i => i.DefinitionId == criteria.DefinitionId);
        if (criteria.Version is { } v) query = query.Where(i => i.DefinitionVersion == v);
        if (!string.IsNullOrWhiteSpace(criteria.State)) query = query.Where(i => i.State == criteria.State.Trim());
        if (criteria.CompanyId is { } c) query = query.Where(i => i.CompanyId == c);
        if (criteria.CompanyIds is { } companies)
        {
            var ids = companies.ToList();
            query = query.Where(i => i.CompanyId != null && ids.Contains(i.CompanyId.Value));
        }
        if (criteria.Faulted) query = query.Where(i => i.Status == InstanceStatus.Faulted);
        if (criteria.Overdue) query = Overdue(db, query);
        return query;
    }

    private IQueryable<WorkflowInstance> Overdue(DbContext db, IQueryable<WorkflowInstance> query)
    {
        var now = clock.GetUtcNow();
        var late = db.Set<WorkflowTask>().Where(t => t.Status == WorkflowTaskStatus.Open && t.DueAt < now).Select(t => t.InstanceId);
        return query.Where(i => late.Contains(i.Id));
    }
}
