using System.Net;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Hosting.Telemetry;

/// <summary>
/// Who may read the metrics: a logged-in operator, or a scraper at one of the configured addresses (Prometheus
/// has no login). Anyone else gets 401 (not logged in) or 403, never a redirect to the login page.
/// </summary>
internal sealed class ScrapeGate(TelemetrySettings settings)
{
    public Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (FromAllowedAddress(http.Connection.RemoteIpAddress) || http.User.IsInRole(Roles.Operator))
            return next(http);
        http.Response.StatusCode = http.User.Identity?.IsAuthenticated == true
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private bool FromAllowedAddress(IPAddress? address)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return settings.ScrapeNetworks.Any(n => n.Contains(address));
    }
}
