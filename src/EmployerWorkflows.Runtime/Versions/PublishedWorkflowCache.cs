using System.Collections.Concurrent;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>
/// Parsed published versions for the life of the process. A published version's document never changes, so an
/// entry never goes stale; retiring a version keeps it usable by the instances pinned to it.
/// </summary>
public sealed class PublishedWorkflowCache
{
    private readonly ConcurrentDictionary<(string Id, int Version), PublishedWorkflow> _entries = new();

    internal bool TryGet(string definitionId, int version, out PublishedWorkflow workflow) =>
        _entries.TryGetValue((definitionId, version), out workflow!);

    internal PublishedWorkflow Add(WorkflowDefinition definition, int version, string contentHash) =>
        _entries.GetOrAdd((definition.Id, version), _ => new PublishedWorkflow(definition, version, contentHash));

    /// <summary>Number of cached versions (for monitoring).</summary>
    public int Count => _entries.Count;
}
