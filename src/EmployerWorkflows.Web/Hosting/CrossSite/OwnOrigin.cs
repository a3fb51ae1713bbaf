namespace EmployerWorkflows.Web.Hosting.CrossSite;

/// <summary>
/// Whether a request's <c>Origin</c> is the app itself: the origin the request was addressed to, or one listed in
/// <c>Security:AllowedOrigins</c> (the public address when a proxy in front changes scheme or host).
/// </summary>
public sealed class OwnOrigin(IConfiguration configuration)
{
    private readonly string[] allowed = configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [];

    public bool Accepts(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || allowed.Any(a => string.Equals(origin, a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
