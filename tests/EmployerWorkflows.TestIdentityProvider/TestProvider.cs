using System.Security.Claims;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>
/// A small OpenID Provider that behaves like a SPID/CIE gateway: authorization code with PKCE, an ID token carrying
/// <c>fiscalNumber</c> (<c>TINIT-&lt;CF&gt;</c>), <c>name</c>, <c>familyName</c>, <c>email</c> and the level in
/// <c>acr</c>/<c>spidLevel</c>. Its login page lets the tester pick the person and the level, and a fault that
/// makes it misbehave (see <see cref="TokenFaults"/>). Keys are ephemeral and nothing is stored.
/// </summary>
public static class TestProvider
{
    public const string AuthorizePath = "/connect/authorize";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(TestProvider).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        configure?.Invoke(builder);

        var clients = new TestClients();
        foreach (var section in builder.Configuration.GetSection("Clients").GetChildren())
            clients.Register(new TestClient(section["ClientId"] ?? "", section["ClientSecret"] ?? "",
                section.GetSection("RedirectUris").GetChildren().Select(c => c.Value ?? "").ToList()));
        builder.Services.AddSingleton(clients);

        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                .SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.RegisterClaims("fiscalNumber", "familyName", "spidLevel", Claims.AuthenticationContextReference);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            // No database: clients are checked by the handlers below, codes are self-contained.
            options.EnableDegradedMode();
            options.DisableTokenStorage();
            options.DisableAuthorizationStorage();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var client = clients.Find(context.ClientId);
                if (client is null)
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                else if (context.RedirectUri is null || !client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
                    context.Reject(Errors.InvalidRequest, "redirect_uri is not registered for this client.");
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                var client = clients.Find(context.ClientId);
                if (client is null || !string.Equals(client.ClientSecret, context.ClientSecret, StringComparison.Ordinal))
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b
                .UseInlineHandler(context =>
                {
                    TokenFaults.Apply(context);
                    return default;
                })
                .SetOrder(int.MinValue + 100_000));
        });

        var app = builder.Build();
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize);
        app.MapGet("/", () => Results.Content(LoginPage.Home(), "text/html; charset=utf-8"));
        return app;
    }

    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request on.");
        var choice = LoginChoice.From(request);
        if (!HttpMethods.IsPost(http.Request.Method) || choice is null)
            return Results.Content(LoginPage.Render(request), "text/html; charset=utf-8");

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "TEST-" + choice.CodiceFiscale);
        if (choice.Fault != TokenFaults.MissingCodiceFiscale)
            identity.SetClaim("fiscalNumber", "TINIT-" + choice.CodiceFiscale);
        identity.SetClaim(Claims.Name, choice.Name);
        identity.SetClaim("familyName", choice.FamilyName);
        identity.SetClaim(Claims.Email, choice.Email);
        identity.SetClaim(Claims.AuthenticationContextReference, SpidLevels.Uri(choice.Level));
        identity.SetClaim("spidLevel", SpidLevels.Uri(choice.Level));
        if (choice.Fault is { Length: > 0 } fault && fault != TokenFaults.MissingCodiceFiscale)
            identity.SetClaim(TokenFaults.ClaimType, fault);
        identity.SetDestinations(static _ => [Destinations.IdentityToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
