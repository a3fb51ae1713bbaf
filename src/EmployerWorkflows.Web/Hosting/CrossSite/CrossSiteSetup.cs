using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Hosting.CrossSite;

/// <summary>
/// Requests another site makes a signed-in browser send are refused: a foreign <c>Origin</c> always (403), and an
/// API change without the anti-forgery header (400), since the login cookie alone travels with any request. Pages
/// check their forms' hidden token themselves; scripts read the token from the page's
/// <c>meta name="request-verification-token"</c> or from <c>GET /api/antiforgery/token</c> and send it as the
/// <see cref="HeaderName"/> header.
/// </summary>
public static class CrossSiteSetup
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string MetaName = "request-verification-token";

    public static WebApplicationBuilder AddCrossSiteProtection(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = "ew.antiforgery";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.AddSingleton<OwnOrigin>();
        return builder;
    }

    /// <summary>After authentication: the checks need to know whether the login cookie came with the request.</summary>
    public static WebApplication UseCrossSiteProtection(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequests>();
        app.MapGet("/api/antiforgery/token", Token)
            .WithTags("Security")
            .WithSummary("Anti-forgery token for API changes")
            .WithDescription("Send `token` in the header `headerName` with every POST, PUT, PATCH and DELETE made with the login cookie, "
                             + "together with the anti-forgery cookie this call sets. Ask again after logging in.");
        return app;
    }

    public static Ok<AntiforgeryToken> Token(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName ?? HeaderName, tokens.RequestToken ?? ""));
    }
}

public sealed record AntiforgeryToken(string HeaderName, string Token);
