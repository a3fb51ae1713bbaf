using System.Security.Claims;
using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Features.Identity.Gateways;

/// <summary>The person a gateway vouched for, once the codice fiscale and the level have been checked.</summary>
public sealed record GatewayPerson(string CodiceFiscale, string FirstName, string LastName, string? Email, string Level);

/// <summary>Reads the gateway's claims (SPID names, or the OIDC federation names) and applies rules 15 and 42.</summary>
public static class GatewayIdentity
{
    private const string FederationNamespace = "https://attributes.eid.gov.it/";

    public static (GatewayPerson? Person, GatewayRefusal? Refusal) Read(ClaimsPrincipal principal, GatewayKind kind)
    {
        var fiscalNumber = First(principal, "fiscalNumber", FederationNamespace + "fiscal_number");
        if (string.IsNullOrWhiteSpace(fiscalNumber)) return (null, GatewayRefusal.MissingCodiceFiscale);
        var raw = fiscalNumber.Trim();
        if (raw.StartsWith("TINIT-", StringComparison.OrdinalIgnoreCase)) raw = raw[6..];
        else return (null, GatewayRefusal.InvalidCodiceFiscale);
        if (CodiceFiscale.Validate(raw) is not null) return (null, GatewayRefusal.InvalidCodiceFiscale);
        var cf = CodiceFiscale.Parse(raw).Value;

        var level = First(principal, "acr", "spidLevel") ?? "";
        if (!LevelIsEnough(kind, level)) return (null, GatewayRefusal.LevelTooLow);

        return (new GatewayPerson(cf,
            First(principal, "name", "given_name", FederationNamespace + "name") ?? "",
            First(principal, "familyName", "family_name", FederationNamespace + "family_name") ?? "",
            First(principal, "email", FederationNamespace + "email"),
            level), null);
    }

    /// <summary>
    /// SPID and CIE at level 2 or 3 (the OP may authenticate higher than asked, never lower); a CNS is a certificate
    /// on a card, which is enough whatever the gateway writes.
    /// </summary>
    public static bool LevelIsEnough(GatewayKind kind, string acr)
    {
        if (kind == GatewayKind.Cns) return true;
        var value = acr.Trim().TrimEnd('/');
        return value.EndsWith("SpidL2", StringComparison.OrdinalIgnoreCase)
            || value.EndsWith("SpidL3", StringComparison.OrdinalIgnoreCase)
            || value is "2" or "3" or "L2" or "L3";
    }

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
