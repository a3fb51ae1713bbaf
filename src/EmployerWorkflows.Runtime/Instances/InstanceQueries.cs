using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Instances;

/// <summary>Reads procedure instances and their files; the host asks here instead of reading the runtime's tables.</summary>
public sealed class InstanceQueries(IWorkflowDbContextFactory contexts)
{
    public async Task<InstanceView?> FindAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        return row is null ? null : InstanceView.From(row);
    }

    /// <summary>
    /// The latest <paramref name="count"/> instances a person started or that belong to one of
    /// <paramref name="companyIds"/>, most recently changed first.
    /// </summary>
    public async Task<IReadOnlyList<InstanceView>> RecentAsync(string startedBy, IReadOnlyCollection<Guid> companyIds, int count, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var companies = companyIds.ToList();
        var rows = await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.CreatedBy == startedBy || (i.CompanyId != null && companies.Contains(i.CompanyId.Value)))
            .OrderByDescending(i => i.UpdatedAt).Take(count).ToListAsync(ct);
        return rows.Select(InstanceView.From).ToList();
    }

    /// <summary>The running instance of the procedure about <paramref name="correlationId"/>, if any.</summary>
    public async Task<InstanceView?> RunningAsync(string definitionId, string correlationId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Set<WorkflowInstance>().AsNoTracking()
            .SingleOrDefaultAsync(i => i.DefinitionId == definitionId && i.CorrelationId == correlationId && i.Status == InstanceStatus.Running, ct);
        return row is null ? null : InstanceView.From(row);
    }

    /// <summary>Whether an instance of the procedure is running for the company.</summary>
    public async Task<bool> AnyRunningAsync(string definitionId, Guid companyId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<WorkflowInstance>().AnyAsync(
            i => i.DefinitionId == definitionId && i.CompanyId == companyId && i.Status == InstanceStatus.Running, ct);
    }

    /// <summary>The instance's files, oldest first.</summary>
    public async Task<IReadOnlyList<DocumentInfo>> DocumentsAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<InstanceDocument>().AsNoTracking().Where(d => d.InstanceId == instanceId)
            .OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentInfo(d.Id, d.Name, d.FileName, d.ContentType, d.Size, d.UploadedAt)).ToListAsync(ct);
    }

    public async Task<DocumentContent?> DocumentAsync(Guid documentId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<InstanceDocument>().AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new DocumentContent(d.Id, d.InstanceId, d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(ct);
    }
}
