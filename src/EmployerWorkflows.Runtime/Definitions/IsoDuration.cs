using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// A non-negative ISO-8601 duration such as <c>P5D</c>, <c>PT1H</c>, <c>P1DT2H30M</c>, <c>P2W</c> or <c>P1M</c>.
/// Years and months stay calendar units (a month after 31 January is the end of February), which is what
/// deadlines in administrative procedures mean.
/// </summary>
public readonly partial record struct IsoDuration(
    int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds)
{
    /// <summary>Regular expression of the accepted text, shared with <c>workflow.schema.json</c>.</summary>
    public const string Pattern = @"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$";

    [GeneratedRegex(
        @"^P(?:(?<y>[0-9]+)Y)?(?:(?<mo>[0-9]+)M)?(?:(?<w>[0-9]+)W)?(?:(?<d>[0-9]+)D)?(?:T(?:(?<h>[0-9]+)H)?(?:(?<mi>[0-9]+)M)?(?:(?<s>[0-9]+)S)?)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    /// <summary>True for a duration of nothing, such as <c>P0D</c>.</summary>
    public bool IsZero => this == default;

    /// <summary>Parses a duration; false for empty designators (<c>P</c>, <c>PT</c>), signs, fractions or other text.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IsoDuration duration)
    {
        duration = default;
        if (text is null)
        {
            return false;
        }

        var match = Syntax().Match(text);
        if (!match.Success || text == "P" || text.EndsWith('T'))
        {
            return false;
        }

        Span<int> parts = stackalloc int[7];
        string[] groups = ["y", "mo", "w", "d", "h", "mi", "s"];
        for (var i = 0; i < groups.Length; i++)
        {
            var group = match.Groups[groups[i]];
            if (group.Success && !int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return false; // more digits than an int holds
            }
        }

        duration = new IsoDuration(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
        return true;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/>.</summary>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not an ISO-8601 duration such as P5D, PT1H or P1DT2H30M.");

    /// <summary>
    /// The instant this long after <paramref name="start"/>: years and months first (calendar-correct,
    /// clamped to the month's last day), then weeks and days, then the time part, all in the start's offset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result is beyond year 9999.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddYears(Years)
            .AddMonths(Months)
            .AddDays(Weeks * 7.0 + Days)
            .AddHours(Hours)
            .AddMinutes(Minutes)
            .AddSeconds(Seconds);

    /// <summary>The canonical text, e.g. <c>P1DT2H30M</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Hours + Minutes + Seconds > 0)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            Append(text, Seconds, 'S');
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, int value, char designator)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }
}
