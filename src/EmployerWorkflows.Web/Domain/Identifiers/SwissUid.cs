using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// Swiss enterprise identification number (UID / IDI / IDE): CHE + 8 digits + a mod-11 check digit with
/// weights 5,4,3,2,7,6,5,4. Accepts <c>CHE123456789</c> and <c>CHE-123.456.789</c>, with register suffixes
/// (HR, MWST, TVA, IVA) stripped. Stored as <c>CHE123456789</c>, shown as <c>CHE-123.456.789</c>.
/// </summary>
public sealed partial record SwissUid
{
    private static readonly int[] Weights = [5, 4, 3, 2, 7, 6, 5, 4];

    private SwissUid(string digits) => Digits = digits;

    /// <summary>The nine digits after CHE.</summary>
    public string Digits { get; }

    public string Value => "CHE" + Digits;

    public string Display => $"CHE-{Digits[..3]}.{Digits[3..6]}.{Digits[6..]}";

    public static bool TryParse(string? input, [NotNullWhen(true)] out SwissUid? uid) =>
        (uid = Find(input, out var digits) is null ? new SwissUid(digits!) : null) is not null;

    public static SwissUid Parse(string? input) =>
        TryParse(input, out var uid) ? uid : throw new FormatException(Validate(input)!.Value.English);

    public static IdentifierError? Validate(string? input) => Find(input, out _);

    public override string ToString() => Display;

    private static IdentifierError? Find(string? input, out string? digits)
    {
        digits = null;
        var s = Suffix().Replace((input ?? "").Trim().ToUpperInvariant(), "");
        var m = Shape().Match(s);
        if (!m.Success)
            return new("Il numero IDI deve avere la forma CHE-123.456.789.", "The UID must look like CHE-123.456.789.");
        var d = m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value;
        var check = CheckDigit(d[..8]);
        if (check is null)
            return new("Questo numero IDI non può esistere (cifra di controllo 10).", "No UID is ever issued with this number (check digit 10).");
        if (check != d[8] - '0')
            return new("La cifra di controllo del numero IDI non è corretta.", "The check digit of the UID is wrong.");
        digits = d;
        return null;
    }

    /// <summary>The check digit of eight digits, or null when the number is never issued.</summary>
    internal static int? CheckDigit(string eightDigits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += Weights[i] * (eightDigits[i] - '0');
        var r = 11 - sum % 11;
        return r switch { 11 => 0, 10 => null, _ => r };
    }

    [GeneratedRegex(@"\s*(HR/MWST|HR/TVA|HR/IVA|HR|MWST|TVA|IVA)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^CHE[-\s]?(\d{3})[.\s]?(\d{3})[.\s]?(\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
