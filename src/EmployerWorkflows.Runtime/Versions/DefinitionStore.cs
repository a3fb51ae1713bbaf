using System.Security.Cryptography;
using System.Text;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>
/// Versions of definitions: drafts edited by designers, published versions that instances are pinned to, retired
/// versions that start nothing new. Published versions are parsed once and cached.
/// </summary>
public sealed partial class DefinitionStore(
    IWorkflowDbContextFactory contexts,
    IDefinitionValidator validator,
    PublishedWorkflowCache cache,
    TimeProvider time)
{
    /// <summary>A published (or retired) version, from the cache when possible.</summary>
    public async Task<PublishedWorkflow> GetAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(definitionId, version, out var cached))
            return cached;
        await using var db = contexts.CreateDbContext();
        return await GetAsync(db, definitionId, version);
    }

    /// <summary>The latest published version; retired and draft versions are never chosen.</summary>
    public async Task<PublishedWorkflow> GetLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await GetLatestAsync(db, definitionId);
    }

    internal async Task<PublishedWorkflow> GetLatestAsync(DbContext db, string definitionId)
    {
        if (cache.TryGetLatest(definitionId, out var latest))
            return latest;
        var version = await CompiledQueries.For(db).LatestPublished(db, definitionId)
            ?? throw new NoPublishedVersionException(definitionId);
        var workflow = await GetAsync(db, definitionId, version);
        cache.SetLatest(workflow);
        return workflow;
    }

    internal async Task<PublishedWorkflow> GetAsync(DbContext db, string definitionId, int version)
    {
        if (cache.TryGet(definitionId, version, out var cached))
            return cached;
        var row = await CompiledQueries.For(db).PublishedVersion(db, definitionId, version)
            ?? throw new WorkflowNotFoundException($"Version {version} of '{definitionId}' does not exist or is not published.");
        // Catalogs may have changed since publication; a stored version stays runnable if it still parses.
        var definition = validator.Validate(row.Json).Definition
            ?? throw new InvalidOperationException($"Stored version {version} of '{definitionId}' no longer parses.");
        return cache.Add(definition, version, row.ContentHash);
    }

    /// <summary>Whether a version exists and is published (not draft, not retired).</summary>
    public async Task<bool> IsPublishedAsync(DbContext db, string definitionId, int version, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowDefinitionVersion>().AnyAsync(
            v => v.DefinitionId == definitionId && v.Version == version && v.Status == DefinitionStatus.Published, cancellationToken);

    /// <summary>Every stored version (drafts included), without documents.</summary>
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(string? definitionId = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.Set<WorkflowDefinitionVersion>().AsNoTracking();
        if (definitionId is not null)
            query = query.Where(v => v.DefinitionId == definitionId);
        var rows = await query.OrderBy(v => v.DefinitionId).ThenBy(v => v.Version).ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    /// <summary>The document of a version (0 for the draft); null when absent.</summary>
    public async Task<string?> GetJsonAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<WorkflowDefinitionVersion>().AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Version == version)
            .Select(v => v.Json).FirstOrDefaultAsync(cancellationToken);
    }

    internal static DefinitionVersionInfo Info(WorkflowDefinitionVersion v) =>
        new(v.DefinitionId, v.Version, v.Status, v.TitleIt, v.TitleEn, v.ContentHash, v.Revision, v.CreatedAt, v.PublishedAt);

    internal static string Hash(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
