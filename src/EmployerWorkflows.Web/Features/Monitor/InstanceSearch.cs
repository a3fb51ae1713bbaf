using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>
/// What the operator asked to see. <see cref="Company"/> is a company's name (or part of it) or its codice fiscale;
/// <see cref="After"/> is the last instance id of the previous page.
/// </summary>
public sealed record InstanceFilter(string? DefinitionId = null, int? Version = null, string? State = null, Guid? CompanyId = null,
    bool? Faulted = null, bool? Overdue = null, Guid? After = null, int? PageSize = null, string? Company = null);

/// <summary>An instance as the list shows it: with its company's name and how many incidents wait for an operator.</summary>
public sealed record InstanceRow(WorkflowInstance Instance, string? CompanyName, int OpenIncidents);

public sealed record InstancePage(IReadOnlyList<InstanceRow> Rows, Guid? Next);

/// <summary>How much trouble there is, over every instance: shown at the top of the monitor.</summary>
public sealed record MonitorCounts(int Running, int Faulted, int Overdue, int OpenIncidents);

/// <summary>
/// Instances by definition, version, state, company, faulted or overdue (an open task past its due date), keyset-paged
/// by id: instance ids are time-ordered, so pages run from the oldest instance and page 100 costs what page 1 costs.
/// </summary>
public sealed class InstanceSearch(AppDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 50;

    public async Task<InstancePage> PageAsync(InstanceFilter filter, CancellationToken ct)
    {
        var size = Math.Clamp(filter.PageSize ?? DefaultPageSize, 1, 200);
        var query = Filtered(filter);
        if (filter.After is { } after) query = query.Where(i => i.Id.CompareTo(after) > 0);
        var page = await query.OrderBy(i => i.Id).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        if (more) page.RemoveAt(page.Count - 1);
        var companyIds = page.Where(i => i.CompanyId != null).Select(i => i.CompanyId!.Value).Distinct().ToList();
        var names = await db.Set<Company>().AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = page.Select(i => i.Id).ToList();
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => ids.Contains(i.InstanceId) && i.ResolvedAt == null)
            .GroupBy(i => i.InstanceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = page.Select(i => new InstanceRow(i, i.CompanyId is { } c ? names.GetValueOrDefault(c) : null, incidents.GetValueOrDefault(i.Id))).ToList();
        return new InstancePage(rows, more ? page[^1].Id : null);
    }

    public async Task<MonitorCounts> CountAsync(CancellationToken ct)
    {
        var instances = db.Set<WorkflowInstance>().AsNoTracking();
        return new MonitorCounts(
            await instances.CountAsync(i => i.Status == InstanceStatus.Running, ct),
            await instances.CountAsync(i => i.Status == InstanceStatus.Faulted, ct),
            await Overdue(instances).CountAsync(ct),
            await db.Set<Incident>().AsNoTracking().CountAsync(i => i.ResolvedAt == null, ct));
    }

    private IQueryable<WorkflowInstance> Filtered(InstanceFilter filter)
    {
        var query = db.Set<WorkflowInstance>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.DefinitionId)) query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        if (filter.Version is { } v) query = query.Where(i => i.DefinitionVersion == v);
        if (!string.IsNullOrWhiteSpace(filter.State)) query = query.Where(i => i.State == filter.State.Trim());
        if (filter.CompanyId is { } c) query = query.Where(i => i.CompanyId == c);
        if (!string.IsNullOrWhiteSpace(filter.Company))
        {
            var term = filter.Company.Trim().ToUpperInvariant();
            var companies = db.Set<Company>().Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term)).Select(c => (Guid?)c.Id);
            query = query.Where(i => companies.Contains(i.CompanyId));
        }
        if (filter.Faulted == true) query = query.Where(i => i.Status == InstanceStatus.Faulted);
        if (filter.Overdue == true) query = Overdue(query);
        return query;
    }

    private IQueryable<WorkflowInstance> Overdue(IQueryable<WorkflowInstance> query)
    {
        var now = clock.GetUtcNow();
        var late = db.Set<WorkflowTask>().Where(t => t.Status == WorkflowTaskStatus.Open && t.DueAt < now).Select(t => t.InstanceId);
        return query.Where(i => late.Contains(i.Id));
    }
}
