using System.Collections.Concurrent;

namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>A relying party the provider knows: its secret and the exact addresses codes may be sent to.</summary>
public sealed record TestClient(string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUris);

/// <summary>
/// The registered relying parties. Tests add the app once it listens, because its port is known only then.
/// </summary>
public sealed class TestClients
{
    private readonly ConcurrentDictionary<string, TestClient> clients = new(StringComparer.Ordinal);

    public void Register(TestClient client) => clients[client.ClientId] = client;

    public TestClient? Find(string? clientId) => clientId is not null && clients.TryGetValue(clientId, out var c) ? c : null;
}
