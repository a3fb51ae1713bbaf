using EmployerWorkflows.Web.Features.Identity.Gateways;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>
/// Headers that keep the pages from being framed, sniffed or fed foreign scripts, and, outside Development, HTTPS
/// only: HSTS and cookies marked Secure. Scripts, styles, fonts, the PDF worker and API calls all come from the app
/// itself; styles may be inline because Mermaid and CodeMirror write them.
/// </summary>
public static class SecurityHeaders
{
    private const string Pages =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference and the jobs dashboard are third-party pages that start with inline scripts.</summary>
    private const string ThirdPartyPages =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return builder;
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseCookiePolicy();
        }
        // A gateway button posts to the app, which redirects the form to the gateway: browsers hold that redirect to
        // form-action too, so the gateways' origins are allowed there.
        var gatewayOrigins = string.Concat(app.Services.GetRequiredService<GatewayCatalog>().All
            .Select(g => Uri.TryCreate(g.Authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "")
            .Distinct());
        var pages = Pages.Replace("form-action 'self'", "form-action 'self'" + gatewayOrigins, StringComparison.Ordinal);
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            var path = http.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") || path.StartsWithSegments("/hangfire") ? ThirdPartyPages : pages;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(http);
        });
        return app;
    }
}
