namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>Why an identifier was rejected, ready for a field message in either language.</summary>
public readonly record struct IdentifierError(string Italian, string English)
{
    public string For(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Italian;
}
