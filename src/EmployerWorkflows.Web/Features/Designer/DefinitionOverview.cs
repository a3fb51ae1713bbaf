using System.Text.Json.Serialization;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>A definition with all its versions, newest first, for the designer's list and editor.</summary>
public sealed record DefinitionSummary(string DefinitionId, string Title, IReadOnlyList<VersionView> Versions)
{
    [JsonIgnore] public VersionView? Draft => Versions.FirstOrDefault(v => v.Status == nameof(DefinitionStatus.Draft));
    [JsonIgnore] public VersionView? LatestPublished => Versions.Where(v => v.Status == nameof(DefinitionStatus.Published)).MaxBy(v => v.Version);
    public int RunningInstances => Versions.Sum(v => v.RunningInstances);

    /// <summary>
    /// What a version is to the reader: a published version older than the newest published one starts no new
    /// procedure (its running ones keep it), so it is shown as superseded rather than as the one in use.
    /// </summary>
    public string ShownStatus(VersionView version) =>
        version.Status == nameof(DefinitionStatus.Published) && LatestPublished is { } latest && version.Version < latest.Version
            ? Superseded
            : version.Status;

    public const string Superseded = "Superseded";
}

/// <summary>
/// Reads definitions with their versions, the people who saved them and the instances still running on each
/// version (faulted ones included: they still need the version to be repaired).
/// </summary>
public sealed class DefinitionOverview(AppDbContext db)
{
    /// <summary>The version a designer opens: the draft being edited; without one, the newest published version; else the newest at all.</summary>
    public static WorkflowDefinitionVersion? Opened(IReadOnlyCollection<WorkflowDefinitionVersion> versions) =>
        versions.FirstOrDefault(v => v.Status == DefinitionStatus.Draft)
        ?? versions.Where(v => v.Status == DefinitionStatus.Published).MaxBy(v => v.Version)
        ?? versions.MaxBy(v => v.Version);

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? definitionId, CancellationToken ct)
    {
        var query = db.Set<WorkflowDefinitionVersion>().AsNoTracking();
        if (definitionId is not null) query = query.Where(v => v.DefinitionId == definitionId);
        var versions = await query.OrderBy(v => v.DefinitionId).ThenBy(v => v.Status == DefinitionStatus.Draft ? 0 : 1)
            .ThenByDescending(v => v.Version).ToListAsync(ct);
        var running = await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted)
            .Where(i => definitionId == null || i.DefinitionId == definitionId)
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(ct);
        var authorName = await PeopleNames.LoadAsync(db, versions.Select(v => v.CreatedBy), ct);

        return versions.GroupBy(v => v.DefinitionId).Select(g => new DefinitionSummary(
                g.Key,
                Lang.IsEnglish ? g.First().TitleEn : g.First().TitleIt,
                g.Select(v => VersionView.From(v, includeJson: false) with
                {
                    CreatedBy = authorName(v.CreatedBy),
                    RunningInstances = running.FirstOrDefault(r => r.DefinitionVersion == v.Version && r.DefinitionId == v.DefinitionId)?.Count ?? 0,
                }).ToList()))
            .ToList();
    }
}
