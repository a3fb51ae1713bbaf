using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>An intermittent hiring CO offered for a call line: its code and the period of the contract.</summary>
public sealed record ContractView(string CoCode, DateOnly StartDate, DateOnly? EndDate);

/// <summary>
/// The archive of intermittent hiring communications (CO) a call line is matched against (rule 24). The
/// Ministry's CO system is not reachable from here; the agency fills the database-backed archive.
/// </summary>
public interface IContractArchive
{
    /// <summary>Intermittent COs of this employer and worker still open on <paramref name="day"/>, newest first.</summary>
    Task<IReadOnlyList<ContractView>> FindAsync(string employerCf, string workerCf, DateOnly day, CancellationToken ct);
}

public sealed class DatabaseContractArchive(AppDbContext db) : IContractArchive
{
    public async Task<IReadOnlyList<ContractView>> FindAsync(string employerCf, string workerCf, DateOnly day, CancellationToken ct) =>
        await db.Set<IntermittentContract>().AsNoTracking()
            .Where(c => c.EmployerCf == employerCf && c.WorkerCf == workerCf && c.StartDate <= day && (c.EndDate == null || c.EndDate >= day))
            .OrderByDescending(c => c.StartDate)
            .Select(c => new ContractView(c.CoCode, c.StartDate, c.EndDate))
            .ToListAsync(ct);
}
