using System.Collections.Concurrent;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>
/// Parsed published versions for the life of the process. A published version's document never changes, so an
/// entry never goes stale; retiring a version keeps it usable by the instances pinned to it.
/// </summary>
public sealed class PublishedWorkflowCache
{
    /// <summary>
    /// How long "the latest published version" is trusted before asking the database again. Publications on this
    /// node take effect at once; those made on another node within this delay.
    /// </summary>
    public static readonly TimeSpan LatestTrustedFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Id, int Version), PublishedWorkflow> _entries = new();
    private readonly ConcurrentDictionary<string, (PublishedWorkflow Workflow, long Until)> _latest = new(StringComparer.Ordinal);

    internal bool TryGet(string definitionId, int version, out PublishedWorkflow workflow) =>
        _entries.TryGetValue((definitionId, version), out workflow!);

    internal PublishedWorkflow Add(WorkflowDefinition definition, int version, string contentHash) =>
        _entries.GetOrAdd((definition.Id, version), _ => new PublishedWorkflow(definition, version, contentHash));

    internal bool TryGetLatest(string definitionId, out PublishedWorkflow workflow)
    {
        if (_latest.TryGetValue(definitionId, out var entry) && Environment.TickCount64 < entry.Until)
        {
            workflow = entry.Workflow;
            return true;
        }
        workflow = null!;
        return false;
    }

    internal void SetLatest(PublishedWorkflow workflow) =>
        _latest[workflow.DefinitionId] = (workflow, Environment.TickCount64 + (long)LatestTrustedFor.TotalMilliseconds);

    /// <summary>Forgets the latest version of a definition after this node published, retired or imported one.</summary>
    internal void InvalidateLatest(string definitionId) => _latest.TryRemove(definitionId, out _);

    /// <summary>Number of cached versions (for monitoring).</summary>
    public int Count => _entries.Count;
}
