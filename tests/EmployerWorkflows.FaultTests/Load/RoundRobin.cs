namespace EmployerWorkflows.FaultTests.Load;

/// <summary>
/// One address for several nodes: each request goes to the next node in turn, as a round-robin balancer would.
/// Cookies ignore the port, so a login made through one node is sent to every node.
/// </summary>
public sealed class RoundRobin(IReadOnlyList<Uri> nodes) : DelegatingHandler(new HttpClientHandler
{
    AllowAutoRedirect = false,
    UseCookies = true,
    CookieContainer = new System.Net.CookieContainer(),
})
{
    private int next = -1;

    /// <summary>The address clients use; requests to it are sent to the nodes in turn.</summary>
    public static Uri Address => new("http://127.0.0.1/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var node = nodes[(int)((uint)Interlocked.Increment(ref next) % (uint)nodes.Count)];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Port = node.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
