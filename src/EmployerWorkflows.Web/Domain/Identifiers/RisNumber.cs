using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// A «numero RIS»: the BUR number of a Swiss establishment, 8 digits with an optional letter prefix (the
/// prefix form is the newer one; existing numbers may carry an A in front).
/// </summary>
public sealed partial record RisNumber
{
    private RisNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, [NotNullWhen(true)] out RisNumber? ris)
    {
        var s = (input ?? "").Replace(" ", "").Trim().ToUpperInvariant();
        ris = Shape().IsMatch(s) ? new RisNumber(s) : null;
        return ris is not null;
    }

    public static IdentifierError? Validate(string? input) => TryParse(input, out _)
        ? null
        : new("Il numero RIS ha 8 cifre, eventualmente precedute da una lettera.", "The RIS number has 8 digits, optionally preceded by a letter.");

    public override string ToString() => Value;

    [GeneratedRegex(@"^[A-Z]?\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
