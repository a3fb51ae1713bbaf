using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>
/// Ways the provider can hand out a bad ID token, so relying parties can prove they refuse it. The fault rides in
/// the token as a private claim and is taken out when the token leaves the token endpoint.
/// </summary>
public static class TokenFaults
{
    public const string ClaimType = "test_fault";

    public const string WrongAudience = "wrong-audience";
    public const string UnknownIssuer = "unknown-issuer";
    public const string Expired = "expired";
    public const string Tampered = "tampered";
    public const string WrongNonce = "wrong-nonce";
    public const string MissingCodiceFiscale = "missing-cf";

    public static readonly IReadOnlyList<string> All = [WrongAudience, UnknownIssuer, Expired, Tampered, WrongNonce, MissingCodiceFiscale];

    internal static void Apply(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        var idToken = context.Response.IdToken;
        if (string.IsNullOrEmpty(idToken)) return;
        var original = new JsonWebToken(idToken);
        if (!original.TryGetPayloadValue<string>(ClaimType, out var fault)) return;

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(original.EncodedPayload))!.AsObject();
        payload.Remove(ClaimType);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (fault)
        {
            case WrongAudience: payload["aud"] = "another-relying-party"; break;
            case UnknownIssuer: payload["iss"] = "http://issuer.invalid/"; break;
            case WrongNonce: payload["nonce"] = "a-nonce-this-client-never-sent"; break;
            case Expired:
                payload["iat"] = now - 7200;
                payload["nbf"] = now - 7200;
                payload["exp"] = now - 3600;
                break;
            case Tampered:
                // Another person's codice fiscale under the original signature.
                payload["fiscalNumber"] = "TINIT-RSSMRA85M01H501Q";
                context.Response.IdToken = $"{original.EncodedHeader}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{original.EncodedSignature}";
                return;
        }
        context.Response.IdToken = Sign(context.Options, original, payload.ToJsonString());
    }

    private static string Sign(OpenIddictServerOptions options, JsonWebToken original, string payload)
    {
        var credentials = options.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey);
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(original.EncodedHeader))!.AsObject();
        header["alg"] = credentials.Algorithm;
        var input = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload)}";
        // Signing credentials carry a factory only when one was set on them; otherwise the key's own is used.
        var factory = credentials.CryptoProviderFactory ?? credentials.Key.CryptoProviderFactory;
        var provider = factory.CreateForSigning(credentials.Key, credentials.Algorithm);
        try
        {
            var signature = provider.Sign(Encoding.ASCII.GetBytes(input));
            return $"{input}.{Base64UrlEncoder.Encode(signature)}";
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }
}
