namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>A person the provider can vouch for. The codici fiscali are synthetic but pass the check character test.</summary>
public sealed record TestIdentity(string CodiceFiscale, string Name, string FamilyName, string Email);

public static class TestIdentities
{
    public static readonly IReadOnlyList<TestIdentity> All =
    [
        // The Development legal representative: signing in finds her companies.
        new("LGLRPP75H06A944H", "Lucia", "Legale", "lucia.legale@example.org"),
        new("PRVTST90A01A944G", "Tecla", "Prova", "tecla.prova@example.org"),
        new("RSSMRA85M01H501Q", "Mario", "Rossi", "mario.rossi@example.org"),
    ];
}

/// <summary>SPID levels as the <c>acr</c> claim names them (AgID rules).</summary>
public static class SpidLevels
{
    public static string Uri(int level) => $"https://www.spid.gov.it/SpidL{level}";
}
