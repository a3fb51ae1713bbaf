using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Instances;

/// <summary>
/// Reads instances and their files through the caller's unit of work. A command or a step's operation that checks
/// an instance in the middle of its transaction must see what that transaction has already written, and on SQLite
/// a second connection would not; <see cref="InstanceQueries"/> is for readers outside a command.
/// </summary>
public static class InstanceReader
{
    public static async Task<InstanceView?> FindAsync(DbContext db, Guid instanceId, CancellationToken ct = default)
    {
        var row = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        return row is null ? null : InstanceView.From(row);
    }

    /// <summary>The instances among <paramref name="instanceIds"/> that exist, in no particular order.</summary>
    public static async Task<IReadOnlyList<InstanceView>> FindManyAsync(DbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        if (instanceIds.Count == 0) return [];
        var ids = instanceIds.Distinct().ToList();
        var rows = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return rows.Select(InstanceView.From).ToList();
    }

    public static Task<bool> IsRunningAsync(DbContext db, Guid instanceId, CancellationToken ct = default) =>
        db.Set<WorkflowInstance>().AnyAsync(i => i.Id == instanceId && i.Status == InstanceStatus.Running, ct);

    /// <summary>Whether any of <paramref name="instanceIds"/> is still running.</summary>
    public static Task<bool> AnyRunningAsync(DbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        if (instanceIds.Count == 0) return Task.FromResult(false);
        var ids = instanceIds.Distinct().ToList();
        return db.Set<WorkflowInstance>().AnyAsync(i => ids.Contains(i.Id) && i.Status == InstanceStatus.Running, ct);
    }

    /// <summary>The running instances among <paramref name="instanceIds"/> that wait in <paramref name="state"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> RunningInStateAsync(DbContext db, IReadOnlyCollection<Guid> instanceIds, string state,
        CancellationToken ct = default)
    {
        if (instanceIds.Count == 0) return [];
        var ids = instanceIds.Distinct().ToList();
        return await db.Set<WorkflowInstance>().Where(i => ids.Contains(i.Id) && i.Status == InstanceStatus.Running && i.State == state)
            .Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>The instance's file stored under exactly <paramref name="name"/>, with its bytes.</summary>
    public static Task<DocumentContent?> DocumentNamedAsync(DbContext db, Guid instanceId, string name, CancellationToken ct = default) =>
        db.Set<InstanceDocument>().AsNoTracking().Where(d => d.InstanceId == instanceId && d.Name == name)
            .Select(d => new DocumentContent(d.Id, d.InstanceId, d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The latest of the instance's files whose name starts with <paramref name="namePrefix"/>: each upload of a
    /// field is kept under a name of its own, and the newest is the one that counts.
    /// </summary>
    public static Task<DocumentContent?> LatestDocumentAsync(DbContext db, Guid instanceId, string namePrefix, CancellationToken ct = default) =>
        db.Set<InstanceDocument>().AsNoTracking().Where(d => d.InstanceId == instanceId && d.Name.StartsWith(namePrefix))
            .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id)
            .Select(d => new DocumentContent(d.Id, d.InstanceId, d.FileName, d.ContentType, d.Content)).FirstOrDefaultAsync(ct);
}
