using System.Net.Http.Json;
using System.Text.Json;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// Does what the app's scripts do: every POST, PUT, PATCH or DELETE to the API goes out with the anti-forgery header,
/// its token asked of the app just before (for whoever the cookies say is logged in now). A request that already has
/// the header keeps it. Page forms are left as they are: they carry their own hidden token, as in a browser.
/// </summary>
public sealed class AntiforgeryHeader : DelegatingHandler
{
    public const string Name = "X-CSRF-TOKEN";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsChange(request.Method) && request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)
            && !request.Headers.Contains(Name))
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, "/api/antiforgery/token"));
            using var answer = await base.SendAsync(ask, cancellationToken);
            answer.EnsureSuccessStatusCode();
            var token = (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
            request.Headers.Add(Name, token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static bool IsChange(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;
}
