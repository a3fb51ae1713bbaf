using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>
/// The open tasks of the reader's roles and those assigned to them, keyset-paged so that page 1,000 costs what
/// page 1 costs. Each source (one role, or "assigned to me") is read along its own index in key order and the
/// sources are merged in memory; an OR across roles would force the database to sort every matching row.
/// Tasks without a due date come after the dated ones, in a phase of their own, so the order does not depend
/// on where a provider puts NULLs. Sorting by priority runs the same phases once per priority, highest first;
/// sorting by age reads one phase in creation order, oldest first.
/// </summary>
public sealed partial class TaskInbox(IWorkflowDbContextFactory contexts, Execution.IWorkflowEngine engine, TimeProvider clock)
{
    private static readonly TaskPriority[] PrioritiesHighFirst = [TaskPriority.Urgent, TaskPriority.High, TaskPriority.Normal, TaskPriority.Low];

    /// <summary>Whether <paramref name="cursor"/> is one this inbox wrote (or empty, for the first page).</summary>
    public static bool IsCursor(string? cursor) => InboxCursor.TryParse(cursor, out _);

    /// <exception cref="InboxCursorInvalidException">The filter's cursor was not written by this inbox.</exception>
    public async Task<InboxPage> PageAsync(TaskReader reader, InboxFilter filter, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!InboxCursor.TryParse(filter.After, out var cursor)) throw new InboxCursorInvalidException(filter.After!);
        await using var db = contexts.CreateDbContext();
        var phases = Phases(filter.Sort);
        var found = new List<(int Phase, WorkflowTask Task)>();
        for (var phase = cursor?.Phase ?? 0; phase < phases.Count && found.Count <= pageSize; phase++)
        {
            var need = pageSize + 1 - found.Count;
            var rows = new List<WorkflowTask>();
            foreach (var source in Sources(db, reader))
            {
                var query = phases[phase].Apply(Filtered(source, reader, filter));
                if (cursor is { } c && c.Phase == phase) query = phases[phase].After(query, c);
                rows.AddRange(await phases[phase].Ordered(query).Take(need).ToListAsync(ct));
            }
            found.AddRange(rows.DistinctBy(t => t.Id).OrderBy(phases[phase].KeyOf).ThenBy(t => Key(t.Id), StringComparer.Ordinal)
                .Take(need).Select(t => (phase, t)));
        }
        var more = found.Count > pageSize;
        var page = found.Take(pageSize).ToList();
        return new InboxPage(page.Select(p => InboxTask.From(p.Task)).ToList(),
            more ? new InboxCursor(page[^1].Phase, phases[page[^1].Phase].KeyOf(page[^1].Task), page[^1].Task.Id).ToString() : null);
    }

    /// <summary>Counts per quick filter, over everything the reader may see.</summary>
    public async Task<InboxCounts> CountAsync(TaskReader reader, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var visible = reader.Visible(Open(db));
        var now = clock.GetUtcNow();
        var weekEnd = now.AddDays(7);
        var me = reader.UserId;
        return new InboxCounts(
            await visible.CountAsync(ct),
            await visible.CountAsync(t => t.ClaimedByUserId == me || t.AssigneeUserId == me, ct),
            await visible.CountAsync(t => t.ClaimedByUserId == null && t.AssigneeUserId == null, ct),
            await visible.CountAsync(t => t.DueAt < now, ct),
            await visible.CountAsync(t => t.DueAt >= now && t.DueAt < weekEnd, ct),
            await visible.CountAsync(t => t.FollowUpAt <= now, ct));
    }

    /// <summary>How many open tasks the reader may see match the filter (its sort and cursor are ignored).</summary>
    public async Task<int> CountAsync(TaskReader reader, InboxFilter filter, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await Filtered(reader.Visible(Open(db)), reader, filter).CountAsync(ct);
    }

    /// <summary>The task, open or closed, when the reader may work it; null otherwise.</summary>
    public async Task<InboxTask?> FindAsync(Guid taskId, TaskReader reader, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        return row is not null && reader.CanWork(InboxTask.From(row)) ? InboxTask.From(row) : null;
    }

    /// <summary>Whether the reader may work any task of the instance, open or closed.</summary>
    public async Task<bool> WorksOnInstanceAsync(Guid instanceId, TaskReader reader, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(ct);
        return rows.Any(t => reader.CanWork(InboxTask.From(t)));
    }

    /// <summary>The open tasks of the given instances.</summary>
    public async Task<IReadOnlyList<InboxTask>> OpenOfInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var ids = instanceIds.ToList();
        var rows = await Open(db).Where(t => ids.Contains(t.InstanceId)).ToListAsync(ct);
        return rows.Select(InboxTask.From).ToList();
    }

    /// <summary>Tasks of one instance, open first, then by creation.</summary>
    public async Task<IReadOnlyList<InboxTask>> ForInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(ct);
        return rows.OrderBy(t => t.Status).ThenBy(t => t.CreatedAt).Select(InboxTask.From).ToList();
    }

    private static IQueryable<WorkflowTask> Open(DbContext db) =>
        db.Set<WorkflowTask>().AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open);

    private static IEnumerable<IQueryable<WorkflowTask>> Sources(DbContext db, TaskReader reader)
    {
        var open = Open(db);
        foreach (var role in reader.Roles)
            yield return open.Where(t => t.Role == role);
        var me = reader.UserId;
        yield return open.Where(t => t.AssigneeUserId == me);
    }

    private IQueryable<WorkflowTask> Filtered(IQueryable<WorkflowTask> query, TaskReader reader, InboxFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Procedure)) query = query.Where(t => t.DefinitionId == filter.Procedure);
        if (!string.IsNullOrWhiteSpace(filter.State)) query = query.Where(t => t.State == filter.State);
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var role = filter.Role;
            query = query.Where(t => t.Role == role);
        }
        var me = reader.UserId;
        query = filter.Assignee switch
        {
            "me" => query.Where(t => t.ClaimedByUserId == me || t.AssigneeUserId == me),
            "unassigned" => query.Where(t => t.ClaimedByUserId == null && t.AssigneeUserId == null),
            _ => query,
        };
        var now = clock.GetUtcNow();
        var weekEnd = now.AddDays(7);
        query = filter.Due switch
        {
            "overdue" => query.Where(t => t.DueAt < now),
            "week" => query.Where(t => t.DueAt >= now && t.DueAt < weekEnd),
            "followup" => query.Where(t => t.FollowUpAt <= now),
            _ => query,
        };
        if (filter.CompanyIds is { } companies)
        {
            var ids = companies.Select(id => (Guid?)id).ToList();
            query = query.Where(t => ids.Contains(t.CompanyId));
        }
        return query;
    }

    /// <summary>The order both providers give Guids stored as text or uuid.</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private static List<Phase> Phases(string? sort) => sort switch
    {
        "priority" => PrioritiesHighFirst.SelectMany(p => new[] { new Phase(p, true), new Phase(p, false) }).ToList(),
        "age" => [new Phase(null, null, ByAge: true)],
        _ => [new Phase(null, true), new Phase(null, false)],
    };

    /// <summary>
    /// One stretch of the order: the tasks of one priority (or all), dated or undated (or both, by age), read along
    /// their sort key (due date, or creation when by age) and then the id.
    /// </summary>
    private sealed record Phase(TaskPriority? Priority, bool? Dated, bool ByAge = false)
    {
        public IQueryable<WorkflowTask> Apply(IQueryable<WorkflowTask> query)
        {
            if (Priority is { } p) query = query.Where(t => t.Priority == p);
            return Dated switch
            {
                true => query.Where(t => t.DueAt != null),
                false => query.Where(t => t.DueAt == null),
                null => query,
            };
        }

        public IQueryable<WorkflowTask> Ordered(IQueryable<WorkflowTask> query) => ByAge
            ? query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : query.OrderBy(t => t.DueAt).ThenBy(t => t.Id);

        public DateTimeOffset? KeyOf(WorkflowTask task) => ByAge ? task.CreatedAt : task.DueAt;

        public IQueryable<WorkflowTask> After(IQueryable<WorkflowTask> query, InboxCursor cursor)
        {
            var id = cursor.Id;
            if (cursor.At is not { } at) return query.Where(t => t.Id.CompareTo(id) > 0);
            return ByAge
                ? query.Where(t => t.CreatedAt > at || (t.CreatedAt == at && t.Id.CompareTo(id) > 0))
                : query.Where(t => t.DueAt > at || (t.DueAt == at && t.Id.CompareTo(id) > 0));
        }
    }
}
