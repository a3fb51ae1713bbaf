using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// An Italian mobile number for the SMS channel, stored as its national significant number. Landlines,
/// foreign numbers and the A2P range 43x are refused; legacy 9-digit numbers are accepted.
/// </summary>
public sealed partial record ItalianMobile
{
    private ItalianMobile(string nsn) => NationalNumber = nsn;

    public string NationalNumber { get; }

    public string E164 => "+39" + NationalNumber;

    public static bool TryParse(string? input, [NotNullWhen(true)] out ItalianMobile? mobile) =>
        (mobile = Find(input, out var nsn) is null ? new ItalianMobile(nsn!) : null) is not null;

    public static IdentifierError? Validate(string? input) => Find(input, out _);

    public override string ToString() => E164;

    private static IdentifierError? Find(string? input, out string? nsn)
    {
        nsn = null;
        var s = Separators().Replace(input ?? "", "");
        if (s.StartsWith('+') && !s.StartsWith("+39", StringComparison.Ordinal))
            return new("Sono ammessi solo numeri italiani (+39).", "Only Italian numbers (+39) are accepted.");
        if (s.StartsWith("+39", StringComparison.Ordinal)) s = s[3..];
        else if (s.StartsWith("0039", StringComparison.Ordinal)) s = s[4..];
        if (!Mobile().IsMatch(s))
            return new("Inserisci un numero di cellulare italiano, ad esempio 3361111111.",
                "Enter an Italian mobile number, for example 3361111111.");
        nsn = s;
        return null;
    }

    [GeneratedRegex(@"[\s\-./()]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:3[2-9]\d{7,8}|31\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();
}
