namespace EmployerWorkflows.Web.Features.Identity.Gateways;

/// <summary>What kind of digital identity a gateway vouches for; it decides which levels are enough (rule 42).</summary>
public enum GatewayKind
{
    /// <summary>SPID, directly or through a SAML-to-OIDC proxy: level 2 or 3 is required.</summary>
    Spid,
    /// <summary>Carta d'identità elettronica: level 2 ("significativo") or 3 is required.</summary>
    Cie,
    /// <summary>Carta Nazionale dei Servizi (or CPS): a certificate on a smart card, always enough.</summary>
    Cns,
}

/// <summary>One OpenID Connect provider, configured under <c>Authentication:Gateways:&lt;name&gt;</c>.</summary>
public sealed class GatewaySettings
{
    /// <summary>The key under <c>Authentication:Gateways</c>; also the callback path <c>/signin-&lt;name&gt;</c>.</summary>
    public string Name { get; set; } = "";
    public GatewayKind Kind { get; set; } = GatewayKind.Spid;
    /// <summary>Text of the login button, e.g. "Entra con SPID".</summary>
    public string DisplayName { get; set; } = "";
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>False only for a provider on plain HTTP in local trials and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>SPID gateways give attributes only from the UserInfo endpoint (DOMAIN §5.4).</summary>
    public bool UseUserInfo { get; set; }
    /// <summary>Scopes besides <c>openid</c>; SPID allows neither <c>profile</c> nor <c>email</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    public string Scheme => "gateway-" + Name;
    public string CallbackPath => "/signin-" + Name;
}

/// <summary>The configured gateways, in configuration order: one login button each.</summary>
public sealed class GatewayCatalog(IReadOnlyList<GatewaySettings> gateways)
{
    public IReadOnlyList<GatewaySettings> All { get; } = gateways;

    public GatewaySettings? Find(string? name) =>
        All.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    public GatewaySettings? FindByScheme(string? scheme) =>
        All.FirstOrDefault(g => string.Equals(g.Scheme, scheme, StringComparison.Ordinal));
}
