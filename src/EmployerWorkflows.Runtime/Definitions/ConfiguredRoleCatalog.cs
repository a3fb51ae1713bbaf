namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Roles from configuration, e.g. AgencyReviewer, HelpDesk, SecoDesk, ProcessDesigner, Operator and the
/// pseudo-role Company (members of the company the instance acts for). Names are case-sensitive, as in
/// the identity store.
/// </summary>
public sealed class ConfiguredRoleCatalog : IRoleCatalog
{
    private readonly HashSet<string> _roles;

    public ConfiguredRoleCatalog(IEnumerable<string> roles)
    {
        _roles = new HashSet<string>(roles, StringComparer.Ordinal);
    }

    /// <summary>The configured role names, sorted.</summary>
    public IReadOnlyList<string> Roles => _roles.Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public bool Exists(string role) => _roles.Contains(role);
}
