using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>A stored version with its document, as the designer reads it: a copy of its row.</summary>
public sealed record DefinitionVersionView(
    string DefinitionId, int Version, DefinitionStatus Status, string TitleIt, string TitleEn, int Revision, DateTimeOffset CreatedAt,
    string? CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? RetiredAt, string Json)
{
    internal static DefinitionVersionView From(WorkflowDefinitionVersion v) => new(
        v.DefinitionId, v.Version, v.Status, v.TitleIt, v.TitleEn, v.Revision, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.RetiredAt, v.Json);
}

/// <summary>
/// The designer's reads over stored versions (drafts included, documents included). Changes go through
/// <see cref="DefinitionStore"/>.
/// </summary>
public sealed class DefinitionCatalogue(IWorkflowDbContextFactory contexts)
{
    /// <summary>Versions of one definition, or of all; by definition id, the draft first, then the newest version first.</summary>
    public async Task<IReadOnlyList<DefinitionVersionView>> VersionsAsync(string? definitionId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.Set<WorkflowDefinitionVersion>().AsNoTracking();
        if (definitionId is not null) query = query.Where(v => v.DefinitionId == definitionId);
        var rows = await query.OrderBy(v => v.DefinitionId).ThenBy(v => v.Status == DefinitionStatus.Draft ? 0 : 1)
            .ThenByDescending(v => v.Version).ToListAsync(ct);
        return rows.Select(DefinitionVersionView.From).ToList();
    }

    /// <summary>One version (any status); null when absent.</summary>
    public async Task<DefinitionVersionView?> VersionAsync(string definitionId, int version, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Set<WorkflowDefinitionVersion>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version, ct);
        return row is null ? null : DefinitionVersionView.From(row);
    }

    /// <summary>The revision of the current draft, so replacing it on purpose (roll back, import) is not taken for a conflict.</summary>
    public async Task<int?> DraftRevisionAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<WorkflowDefinitionVersion>().AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Status == DefinitionStatus.Draft)
            .Select(v => (int?)v.Revision).SingleOrDefaultAsync(ct);
    }

    /// <summary>The version a designer opens: the draft being edited; without one, the newest published version; else the newest at all.</summary>
    public static DefinitionVersionView? Opened(IReadOnlyCollection<DefinitionVersionView> versions) =>
        versions.FirstOrDefault(v => v.Status == DefinitionStatus.Draft)
        ?? versions.Where(v => v.Status == DefinitionStatus.Published).MaxBy(v => v.Version)
        ?? versions.MaxBy(v => v.Version);
}
