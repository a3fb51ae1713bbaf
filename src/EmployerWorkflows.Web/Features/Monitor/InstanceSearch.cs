using EmployerWorkflows.Runtime.Instances;
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
public sealed record InstanceRow(InstanceView Instance, string? CompanyName, int OpenIncidents);

public sealed record InstancePage(IReadOnlyList<InstanceRow> Rows, Guid? Next);

/// <summary>
/// Instances by definition, version, state, company, faulted or overdue (an open task past its due date), keyset-paged
/// by the runtime's <see cref="InstanceMonitor"/>; companies are the host's, so their names and the company search are
/// answered here.
/// </summary>
public sealed class InstanceSearch(InstanceMonitor monitor, AppDbContext db)
{
    public const int DefaultPageSize = 50;

    public async Task<InstancePage> PageAsync(InstanceFilter filter, CancellationToken ct)
    {
        var criteria = new InstanceCriteria(filter.DefinitionId, filter.Version, filter.State, filter.CompanyId,
            await CompaniesMatchingAsync(filter.Company, ct), filter.Faulted == true, filter.Overdue == true, filter.After,
            filter.PageSize ?? DefaultPageSize);
        var page = await monitor.PageAsync(criteria, ct);
        var companyIds = page.Rows.Where(r => r.Instance.CompanyId != null).Select(r => r.Instance.CompanyId!.Value).Distinct().ToList();
        var names = await db.Set<Company>().AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = page.Rows.Select(r => new InstanceRow(r.Instance, r.Instance.CompanyId is { } c ? names.GetValueOrDefault(c) : null,
            r.OpenIncidents)).ToList();
        return new InstancePage(rows, page.Next);
    }

    public Task<InstanceCounts> CountAsync(CancellationToken ct) => monitor.CountAsync(ct);

    /// <summary>Companies whose codice fiscale is the term or whose name contains it; null when there is no term.</summary>
    private async Task<IReadOnlyCollection<Guid>?> CompaniesMatchingAsync(string? company, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(company)) return null;
        var term = company.Trim().ToUpperInvariant();
        return await db.Set<Company>().AsNoTracking().Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term))
            .Select(c => c.Id).ToListAsync(ct);
    }
}
