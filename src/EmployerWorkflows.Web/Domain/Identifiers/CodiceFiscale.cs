using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Domain.Identifiers;

/// <summary>
/// The 16-character codice fiscale of a natural person, checked as the Agenzia delle Entrate's own
/// program does: structure, month letter, day (+40 for women), omocodia letters, real date, Belfiore
/// digits and check character. Parsed once at the edge, trusted inside.
/// </summary>
public sealed partial record CodiceFiscale
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string OmocodiaLetters = "LMNPQRSTUV";
    // Values of A..Z (digits 0..9 share the values of A..J) in odd 1-based positions.
    private static readonly int[] OddValues =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private CodiceFiscale(string value) => Value = value;

    /// <summary>Upper-case, 16 characters, as written (omocodia letters kept).</summary>
    public string Value { get; }

    public bool IsFemale => DecodedDayValue > 40;

    private int DecodedDayValue => int.Parse(Decode(Value.Substring(9, 2)));

    public static bool TryParse(string? input, [NotNullWhen(true)] out CodiceFiscale? cf) =>
        (cf = Check(input, out _)) is not null;

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static CodiceFiscale Parse(string? input) =>
        Check(input, out var error) ?? throw new FormatException(error!.Value.English);

    /// <summary>Null when valid; otherwise why not, in Italian and English.</summary>
    public static IdentifierError? Validate(string? input)
    {
        Check(input, out var error);
        return error;
    }

    public override string ToString() => Value;

    private static CodiceFiscale? Check(string? input, out IdentifierError? error)
    {
        var cf = (input ?? "").Trim().ToUpperInvariant();
        error = Find(cf);
        return error is null ? new CodiceFiscale(cf) : null;
    }

    private static IdentifierError? Find(string cf)
    {
        if (cf.Length != 16)
            return new("Il codice fiscale deve avere 16 caratteri.", "The codice fiscale must be 16 characters long.");
        if (!Shape().IsMatch(cf))
            return new("Il codice fiscale non ha la struttura corretta (lettere e cifre nelle posizioni previste).",
                "The codice fiscale does not have the expected pattern of letters and digits.");
        var month = MonthLetters.IndexOf(cf[8]) + 1;
        var year = int.Parse(Decode(cf.Substring(6, 2)));
        var dayValue = int.Parse(Decode(cf.Substring(9, 2)));
        var day = dayValue > 40 ? dayValue - 40 : dayValue;
        var daysInMonth = month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        if (day < 1 || day > 31 || (dayValue > 31 && dayValue <= 40) || day > daysInMonth)
            return new("La data di nascita nel codice fiscale non esiste.", "The birth date in the codice fiscale does not exist.");
        var place = cf.Substring(12, 3);
        if (place == "000")
            return new("Il codice del comune di nascita non è valido.", "The birthplace code is not valid.");
        if (CheckCharacter(cf) != cf[15])
            return new("Il carattere di controllo del codice fiscale non è corretto.",
                "The check character of the codice fiscale is wrong.");
        return null;
    }

    /// <summary>The check character computed on the first 15 characters as written.</summary>
    public static char CheckCharacter(string cf)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = cf[i];
            var index = char.IsDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }
        return (char)('A' + sum % 26);
    }

    private static string Decode(string part) =>
        new(part.Select(c => char.IsDigit(c) ? c : (char)('0' + OmocodiaLetters.IndexOf(c))).ToArray());

    [GeneratedRegex("^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-IL-MZ][0-9LMNPQRSTUV]{3}[A-Z]$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
