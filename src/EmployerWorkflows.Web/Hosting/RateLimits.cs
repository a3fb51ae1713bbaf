using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>
/// Limits what can be abused from outside at no cost: guessing passwords, and making the app send email on demand
/// (a support request, or a procedure whose first step mails someone). Per client address for the login, per person
/// for the rest; a request over the limit gets 429 with <c>Retry-After</c>. Limits are in <c>RateLimits:*</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Routes (as mapped, without the leading slash) whose POST queues an email straight away.</summary>
    private static readonly HashSet<string> MailOnDemand = new(StringComparer.OrdinalIgnoreCase)
    {
        "api/jobroom/support-requests",
        "api/jobroom/write-rights/{instanceId:guid}/deadline/extension-request",
        "api/jobroom/accounts",
        "catalogue/jobroom-account",
        "api/jobroom/write-rights",
        "api/company-registrations",
        "api/admin-replacements",
    };

    private const string LoginRoute = "account/login";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var login = Window(builder.Configuration.GetSection("RateLimits:Login"), permits: 20, seconds: 60);
        var mail = Window(builder.Configuration.GetSection("RateLimits:Mail"), permits: 10, seconds: 60);
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.Trim('/');
                if (string.Equals(route, LoginRoute, StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("login:" + Address(http), _ => login);
                if (route is not null && MailOnDemand.Contains(route))
                    return RateLimitPartition.GetFixedWindowLimiter("mail:" + (http.User.UserId() ?? Address(http)), _ => mail);
                return RateLimitPartition.GetNoLimiter("");
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: Lang.T("Troppe richieste in poco tempo.", "Too many requests in a short time."),
                    detail: Lang.T($"Riprova tra {seconds} secondi. Non è stato salvato nulla.", $"Try again in {seconds} seconds. Nothing was saved."))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(IConfiguration section, int permits, int seconds) => new()
    {
        PermitLimit = Math.Max(1, section.GetValue("PermitLimit", permits)),
        Window = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("WindowSeconds", seconds))),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
