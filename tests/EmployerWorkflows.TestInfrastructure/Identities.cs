namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// Valid identifiers no other test of the process has been given: partite IVA, personal codici fiscali and Swiss
/// UIDs. Tests that share a host (and so a database) take their companies and people from here, so that one test's
/// data never collides with another's.
/// </summary>
/// <remarks>
/// The numbers stay clear of the fixed ones tests and demo data write by hand: partite IVA use the office code 099,
/// codici fiscali the birthplace letter Z (born abroad), UIDs start at CHE-6.
/// </remarks>
public static class Identities
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    private static readonly int[] UidWeights = [5, 4, 3, 2, 7, 6, 5, 4];
    private static int counter;

    private static int Next() => Interlocked.Increment(ref counter);

    /// <summary>An 11-digit partita IVA (also a company's codice fiscale) with office code 099 and a valid check digit.</summary>
    public static string PartitaIva()
    {
        // First digit 2..7: never the 8/9 of bodies outside VAT, whose office code must stay at or below 095.
        var serial = (2_000_000 + Next()).ToString("D7");
        var digits = serial + "099";
        return digits + LuhnCheckDigit(digits);
    }

    /// <summary>
    /// A personal codice fiscale starting with <paramref name="letters"/> (six letters, e.g. a surname code), born
    /// abroad on a date that makes it unique, with a valid check character.
    /// </summary>
    public static string CodiceFiscale(string letters = "TSTPRS")
    {
        if (letters.Length != 6 || !letters.All(char.IsAsciiLetterUpper))
            throw new ArgumentException("Six upper-case letters, as the surname and name parts of a codice fiscale.", nameof(letters));
        var n = Next();
        // 999 places x 28 days x 12 months x 100 years: far more than a test run ever asks for.
        var place = 1 + n % 999;
        var day = 1 + n / 999 % 28;
        var month = MonthLetters[n / 999 / 28 % 12];
        var year = n / 999 / 28 / 12 % 100;
        var body = $"{letters}{year:D2}{month}{day:D2}Z{place:D3}";
        return body + CheckCharacter(body);
    }

    /// <summary>A Swiss UID in the written form CHE-123.456.789, with a valid check digit.</summary>
    public static string SwissUid()
    {
        while (true)
        {
            var eight = (60_000_000 + Next()).ToString("D8");
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += UidWeights[i] * (eight[i] - '0');
            var check = 11 - sum % 11;
            // A remainder giving 10 is never issued; such a number is skipped.
            if (check == 10) continue;
            var nine = eight + (check == 11 ? 0 : check);
            return $"CHE-{nine[..3]}.{nine[3..6]}.{nine[6..]}";
        }
    }

    /// <summary>An email address nobody else in the run has, readable as belonging to <paramref name="name"/>.</summary>
    public static string Email(string name) => $"{name.ToLowerInvariant()}.{Next()}@example.org";

    private static int LuhnCheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static char CheckCharacter(string body)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = body[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }
        return (char)('A' + sum % 26);
    }
}
