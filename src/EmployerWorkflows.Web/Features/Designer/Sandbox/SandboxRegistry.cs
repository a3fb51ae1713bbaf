using System.Collections.Concurrent;

namespace EmployerWorkflows.Web.Features.Designer.Sandbox;

/// <summary>Open sandboxes of this node; idle ones are dropped after an hour, and there are never too many.</summary>
public sealed class SandboxRegistry : IDisposable
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(1);
    public const int MaxSessions = 50;
    private readonly ConcurrentDictionary<Guid, SandboxSession> sessions = new();

    public SandboxSession? Find(Guid id) => sessions.TryGetValue(id, out var s) ? s : null;

    public void Add(SandboxSession session)
    {
        foreach (var idle in sessions.Values.Where(s => DateTime.UtcNow - s.LastUsed > IdleLimit).ToList())
            Remove(idle.Id);
        while (sessions.Count >= MaxSessions && sessions.Values.MinBy(s => s.LastUsed) is { } oldest)
            Remove(oldest.Id);
        sessions[session.Id] = session;
    }

    public void Remove(Guid id)
    {
        if (sessions.TryRemove(id, out var session)) session.Dispose();
    }

    public void Dispose()
    {
        foreach (var id in sessions.Keys) Remove(id);
    }
}
