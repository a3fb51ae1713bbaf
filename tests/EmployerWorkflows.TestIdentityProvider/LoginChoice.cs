using OpenIddict.Abstractions;

namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>What the tester picked on the login page: who, at which level, and whether the provider should misbehave.</summary>
internal sealed record LoginChoice(string CodiceFiscale, string Name, string FamilyName, string Email, int Level, string? Fault)
{
    public const string IdentityField = "test_identity";
    public const string CodiceFiscaleField = "test_cf";
    public const string LevelField = "test_level";
    public const string FaultField = "test_fault";

    public static LoginChoice? From(OpenIddictRequest request)
    {
        if (!int.TryParse((string?)request[LevelField], out var level) || level is < 1 or > 3) return null;
        var fault = (string?)request[FaultField];
        var typed = ((string?)request[CodiceFiscaleField])?.Trim();
        var picked = TestIdentities.All.FirstOrDefault(i => i.CodiceFiscale == (string?)request[IdentityField]) ?? TestIdentities.All[0];
        // A typed codice fiscale stands for a person the list does not have (an existing account, a wrong code).
        return string.IsNullOrEmpty(typed)
            ? new LoginChoice(picked.CodiceFiscale, picked.Name, picked.FamilyName, picked.Email, level, fault)
            : new LoginChoice(typed, "Persona", "Di Prova", "persona.prova@example.org", level, fault);
    }
}
