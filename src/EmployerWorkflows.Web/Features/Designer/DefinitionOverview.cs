using System.Text.Json.Serialization;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Localization;

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
public sealed class DefinitionOverview(DefinitionCatalogue catalogue, InstanceMonitor monitor, AppDbContext db)
{
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? definitionId, CancellationToken ct)
    {
        var versions = await catalogue.VersionsAsync(definitionId, ct);
        var running = await monitor.LoadPerVersionAsync(definitionId, ct);
        var authorName = await PeopleNames.LoadAsync(db, versions.Select(v => v.CreatedBy), ct);

        return versions.GroupBy(v => v.DefinitionId).Select(g => new DefinitionSummary(
                g.Key,
                Lang.IsEnglish ? g.First().TitleEn : g.First().TitleIt,
                g.Select(v => VersionView.From(v, includeJson: false) with
                {
                    CreatedBy = authorName(v.CreatedBy),
                    RunningInstances = running.FirstOrDefault(r => r.Version == v.Version && r.DefinitionId == v.DefinitionId)?.Instances ?? 0,
                }).ToList()))
            .ToList();
    }
}
