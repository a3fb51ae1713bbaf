using System.Diagnostics.CodeAnalysis;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// The 11-digit partita IVA / codice fiscale of a non-natural person: matricola (never 0000000), office code
/// (001–100, 120, 121, 888, 999; codes of non-VAT entities starting with 8 or 9 need office ≤ 095) and a
/// Luhn check digit. The VIES form <c>IT…</c> is accepted and stored without the prefix.
/// </summary>
public sealed record PartitaIva
{
    private PartitaIva(string value) => Value = value;

    public string Value { get; }

    /// <summary>First digit 8 or 9: the codice fiscale of a body not registered for VAT.</summary>
    public bool IsNonVatEntity => Value[0] is '8' or '9';

    public static bool TryParse(string? input, [NotNullWhen(true)] out PartitaIva? value) =>
        (value = Find(Compact(input)) is null ? new PartitaIva(Compact(input)) : null) is not null;

    public static PartitaIva Parse(string? input) =>
        TryParse(input, out var p) ? p : throw new FormatException(Validate(input)!.Value.English);

    public static IdentifierError? Validate(string? input) => Find(Compact(input));

    public override string ToString() => Value;

    private static string Compact(string? input)
    {
        var s = (input ?? "").Replace(" ", "").Replace(".", "").Replace("-", "").Trim().ToUpperInvariant();
        return s.StartsWith("IT", StringComparison.Ordinal) ? s[2..] : s;
    }

    private static IdentifierError? Find(string p)
    {
        if (p.Length != 11 || !p.All(char.IsAsciiDigit))
            return new("La partita IVA deve avere 11 cifre.", "The partita IVA must have 11 digits.");
        if (p[..7] == "0000000")
            return new("La partita IVA non può iniziare con sette zeri.", "The partita IVA cannot start with seven zeros.");
        var office = int.Parse(p.Substring(7, 3));
        if (!(office is >= 1 and <= 100 or 120 or 121 or 888 or 999))
            return new($"Il codice ufficio {p.Substring(7, 3)} della partita IVA non esiste.",
                $"Office code {p.Substring(7, 3)} of the partita IVA does not exist.");
        if (p[0] is '8' or '9' && office > 95)
            return new("Per un ente non iscritto all'IVA (prima cifra 8 o 9) il codice ufficio deve essere al massimo 095.",
                "For a body not registered for VAT (first digit 8 or 9) the office code must be 095 or lower.");
        if (LuhnCheckDigit(p) != p[10] - '0')
            return new("La cifra di controllo della partita IVA non è corretta.", "The check digit of the partita IVA is wrong.");
        return null;
    }

    internal static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
