using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>A person. The codice fiscale is the key that joins local, SPID and CIE logins (DOMAIN.md rule 15).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Validated, upper-case, unique; also the user name.</summary>
    public string CodiceFiscale { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string PreferredLanguage { get; set; } = "it";
    /// <summary>Set at every successful login; collaborators can be enabled only once this is set (rule 36).</summary>
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Local passwords handed out by the agency must be changed at first login (rule 17).</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>Staff an administrator disabled: they cannot sign in and their sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    /// <summary>Staff who may sign in only through a digital-identity gateway, never with the local password.</summary>
    public bool RequireGateway { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}
