using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EmployerWorkflows.Web.Features.Identity.Gateways;

/// <summary>
/// One OpenID Connect handler per configured gateway (authorization code with PKCE). The handler only proves who
/// the gateway vouched for; <c>/account/gateway/callback</c> checks the codice fiscale and the level and signs in.
/// </summary>
public static class GatewaySetup
{
    /// <summary>Asked of every gateway; the OP may answer with a higher level, never accepted lower (rule 42).</summary>
    public const string RequestedLevel = "https://www.spid.gov.it/SpidL2";

    public static WebApplicationBuilder AddGateways(this WebApplicationBuilder builder)
    {
        var gateways = new List<GatewaySettings>();
        foreach (var section in builder.Configuration.GetSection("Authentication:Gateways").GetChildren())
        {
            var settings = new GatewaySettings();
            section.Bind(settings);
            settings.Name = section.Key.ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientId))
                throw new InvalidOperationException($"Authentication:Gateways:{section.Key} needs Authority and ClientId.");
            if (settings.DisplayName.Length == 0) settings.DisplayName = settings.Kind switch
            {
                GatewayKind.Cie => "Entra con CIE",
                GatewayKind.Cns => "Entra con CNS",
                _ => "Entra con SPID",
            };
            gateways.Add(settings);
        }
        builder.Services.AddSingleton(new GatewayCatalog(gateways));
        builder.Services.AddScoped<SignInRefusals>();

        var authentication = builder.Services.AddAuthentication();
        foreach (var gateway in gateways)
            authentication.AddOpenIdConnect(gateway.Scheme, gateway.DisplayName, o => Configure(o, gateway));
        return builder;
    }

    private static void Configure(OpenIdConnectOptions o, GatewaySettings gateway)
    {
        o.Authority = gateway.Authority;
        o.ClientId = gateway.ClientId;
        o.ClientSecret = gateway.ClientSecret;
        o.RequireHttpsMetadata = gateway.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back on a top-level GET, which carries the Lax correlation cookies also cross-site and on
        // plain HTTP; the code is single-use and bound to the PKCE verifier.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CallbackPath = gateway.CallbackPath;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = gateway.UseUserInfo;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        o.Scope.Clear();
        o.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scope in gateway.Scopes) o.Scope.Add(scope);
        o.TokenValidationParameters = new TokenValidationParameters { NameClaimType = "fiscalNumber" };
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        // Correlation and nonce cookies expire by the browser's and the gateway's clock, not by a test's clock.
        o.TimeProvider = TimeProvider.System;
        o.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context =>
            {
                context.ProtocolMessage.AcrValues = RequestedLevel;
                return Task.CompletedTask;
            },
            OnRemoteFailure = context => RefuseAsync(context, gateway),
        };
    }

    private static async Task RefuseAsync(RemoteFailureContext context, GatewaySettings gateway)
    {
        var refusal = Classify(context.Failure);
        var refusals = context.HttpContext.RequestServices.GetRequiredService<SignInRefusals>();
        await refusals.RecordAsync(gateway.Name, refusal, $"{context.Failure?.GetType().Name}: {context.Failure?.Message}");
        context.Response.Redirect($"/account/gateway/refused?reason={refusal}");
        context.HandleResponse();
    }

    /// <summary>
    /// By the failure's type: IdentityModel throws a <see cref="SecurityTokenException"/> for every failed ID token
    /// check (issuer, audience, signature, lifetime) and the protocol validator its own nonce exception; the
    /// gateway's error answers carry their OAuth error code in <see cref="Exception.Data"/>. Only the correlation
    /// and state failures of the remote handler have no type of their own and are known by their fixed text.
    /// </summary>
    internal static GatewayRefusal Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SecurityTokenException or OpenIdConnectProtocolInvalidNonceException)
                return GatewayRefusal.TokenRejected;
            if (e is OpenIdConnectProtocolException && e.Data["error"] is "invalid_grant")
                return GatewayRefusal.StateRejected;
            if (e.Message.StartsWith("Correlation failed", StringComparison.Ordinal)
                || e.Message.Contains("message.State", StringComparison.Ordinal))
                return GatewayRefusal.StateRejected;
        }
        return GatewayRefusal.GatewayError;
    }
}
