using System.Globalization;
using System.Security.Claims;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>What the reviewer asked to see. <see cref="After"/> is the cursor of the previous page.</summary>
public sealed record InboxFilter(
    string? Procedure = null, string? State = null, string? Assignee = null, string? Due = null, string? Company = null,
    string? Sort = null, string? After = null);

public sealed record InboxPage(IReadOnlyList<WorkflowTask> Tasks, string? Next);

/// <summary>
/// The open tasks of the caller's roles and those assigned to them, keyset-paged so that page 1,000 costs what
/// page 1 costs. Each source (one role, or "assigned to me") is read along its own index in key order and the
/// sources are merged in memory; an OR across roles would force the database to sort every matching row.
/// Tasks without a due date come after the dated ones, in a phase of their own, so the order does not depend
/// on where a provider puts NULLs. Sorting by priority runs the same phases once per priority, highest first.
/// </summary>
public sealed class InboxQuery(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly TaskPriority[] PrioritiesHighFirst = [TaskPriority.Urgent, TaskPriority.High, TaskPriority.Normal, TaskPriority.Low];

    public async Task<InboxPage> PageAsync(ClaimsPrincipal user, IReadOnlyList<string> roles, InboxFilter filter, int pageSize = PageSize,
        CancellationToken ct = default)
    {
        var phases = Phases(filter.Sort);
        var cursor = Cursor.Parse(filter.After);
        var found = new List<(int Phase, WorkflowTask Task)>();
        for (var phase = cursor?.Phase ?? 0; phase < phases.Count && found.Count <= pageSize; phase++)
        {
            var need = pageSize + 1 - found.Count;
            var rows = new List<WorkflowTask>();
            foreach (var source in Sources(user, roles))
            {
                var query = phases[phase].Apply(Filtered(source, user, filter));
                if (cursor is { } c && c.Phase == phase) query = After(query, c);
                rows.AddRange(await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(need).ToListAsync(ct));
            }
            found.AddRange(rows.DistinctBy(t => t.Id).OrderBy(t => t.DueAt).ThenBy(t => Key(t.Id), StringComparer.Ordinal)
                .Take(need).Select(t => (phase, t)));
        }
        var more = found.Count > pageSize;
        var page = found.Take(pageSize).ToList();
        return new InboxPage(page.Select(p => p.Task).ToList(),
            more ? new Cursor(page[^1].Phase, page[^1].Task.DueAt, page[^1].Task.Id).ToString() : null);
    }

    /// <summary>Counts per quick filter, over everything the caller may see.</summary>
    public async Task<InboxCounts> CountAsync(ClaimsPrincipal user, IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        var visible = Visible(user, roles);
        var now = clock.GetUtcNow();
        var weekEnd = now.AddDays(7);
        var me = CompanyAccess.UserId(user);
        return new InboxCounts(
            await visible.CountAsync(ct),
            await visible.CountAsync(t => t.ClaimedByUserId == me || t.AssigneeUserId == me, ct),
            await visible.CountAsync(t => t.ClaimedByUserId == null && t.AssigneeUserId == null, ct),
            await visible.CountAsync(t => t.DueAt < now, ct),
            await visible.CountAsync(t => t.DueAt >= now && t.DueAt < weekEnd, ct));
    }

    /// <summary>Open tasks the caller may see, as one query (for counts and single lookups).</summary>
    public IQueryable<WorkflowTask> Visible(ClaimsPrincipal user, IReadOnlyList<string> roles) =>
        db.Set<WorkflowTask>().AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open).VisibleTo(user, roles);

    private IEnumerable<IQueryable<WorkflowTask>> Sources(ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        var open = db.Set<WorkflowTask>().AsNoTracking().Where(t => t.Status == WorkflowTaskStatus.Open);
        foreach (var role in roles.Where(user.IsInRole))
            yield return open.Where(t => t.Role == role);
        var me = CompanyAccess.UserId(user) ?? "";
        yield return open.Where(t => t.AssigneeUserId == me);
    }

    private IQueryable<WorkflowTask> Filtered(IQueryable<WorkflowTask> query, ClaimsPrincipal user, InboxFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Procedure)) query = query.Where(t => t.DefinitionId == filter.Procedure);
        if (!string.IsNullOrWhiteSpace(filter.State)) query = query.Where(t => t.State == filter.State);
        var me = CompanyAccess.UserId(user);
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
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(filter.Company))
        {
            var term = filter.Company.Trim().ToUpperInvariant();
            var companies = db.Set<Company>().Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term)).Select(c => (Guid?)c.Id);
            query = query.Where(t => companies.Contains(t.CompanyId));
        }
        return query;
    }

    private static IQueryable<WorkflowTask> After(IQueryable<WorkflowTask> query, Cursor cursor) => cursor.DueAt is { } due
        ? query.Where(t => t.DueAt > due || (t.DueAt == due && t.Id.CompareTo(cursor.Id) > 0))
        : query.Where(t => t.Id.CompareTo(cursor.Id) > 0);

    /// <summary>The order both providers give Guids stored as text or uuid.</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private static List<Phase> Phases(string? sort) => sort == "priority"
        ? PrioritiesHighFirst.SelectMany(p => new[] { new Phase(p, true), new Phase(p, false) }).ToList()
        : [new Phase(null, true), new Phase(null, false)];

    private sealed record Phase(TaskPriority? Priority, bool Dated)
    {
        public IQueryable<WorkflowTask> Apply(IQueryable<WorkflowTask> query)
        {
            if (Priority is { } p) query = query.Where(t => t.Priority == p);
            return Dated ? query.Where(t => t.DueAt != null) : query.Where(t => t.DueAt == null);
        }
    }

    private sealed record Cursor(int Phase, DateTimeOffset? DueAt, Guid Id)
    {
        public override string ToString() =>
            $"{Phase}~{DueAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)}~{Id:N}";

        public static Cursor? Parse(string? value)
        {
            var parts = value?.Split('~');
            if (parts is not { Length: 3 } || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var phase) || phase < 0
                || !Guid.TryParseExact(parts[2], "N", out var id))
                return null;
            DateTimeOffset? due = long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            return new Cursor(phase, due, id);
        }
    }
}

public sealed record InboxCounts(int All, int Mine, int Unassigned, int Overdue, int DueThisWeek);
