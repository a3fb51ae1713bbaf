using System.Diagnostics.CodeAnalysis;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// The codice fiscale of a company: 11 digits (equal to its partita IVA) or, for a sole trader, the owner's
/// 16-character personal codice fiscale. It identifies the company and never changes.
/// </summary>
public sealed record CompanyCodiceFiscale
{
    private CompanyCodiceFiscale(string value) => Value = value;

    public string Value { get; }

    public bool IsSoleTrader => Value.Length == 16;

    public static bool TryParse(string? input, [NotNullWhen(true)] out CompanyCodiceFiscale? value)
    {
        value = null;
        var s = (input ?? "").Trim().ToUpperInvariant();
        if (s.Length == 16 && CodiceFiscale.TryParse(s, out var person)) value = new(person.Value);
        else if (PartitaIva.TryParse(s, out var piva)) value = new(piva.Value);
        return value is not null;
    }

    public static CompanyCodiceFiscale Parse(string? input) =>
        TryParse(input, out var cf) ? cf : throw new FormatException(Validate(input)!.Value.English);

    public static IdentifierError? Validate(string? input)
    {
        var s = (input ?? "").Trim().ToUpperInvariant();
        if (s.Length == 16) return CodiceFiscale.Validate(s);
        if (s.Length is 11 or 13) return PartitaIva.Validate(s);
        return new("Il codice fiscale dell'azienda deve avere 11 cifre oppure, per le ditte individuali, 16 caratteri.",
            "The company codice fiscale must have 11 digits or, for sole traders, 16 characters.");
    }

    public override string ToString() => Value;
}
