using System.Globalization;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>A call line as typed by a person: dates as <c>yyyy-MM-dd</c>, the end date and the CO code optional.</summary>
public sealed record CallLineInput(string? WorkerCf, string? StartDate, string? EndDate, string? CoCode);

/// <summary>A line that passed the checks of its own fields.</summary>
public sealed record CheckedLine(string WorkerCf, DateOnly StartDate, DateOnly? EndDate, string? CoCode)
{
    public DateOnly LastDay => EndDate ?? StartDate;
}

/// <summary>
/// The rules of a call line (rules 23 and 25, DOMAIN §4.1–4.2), the same for the API, the pages and the SMS
/// channel: a valid worker codice fiscale, a start date not in the past (a call goes out before the work starts,
/// the same day at the latest), an optional end not before the start, at most 30 calendar days, and no overlap
/// with the same worker's other active calls for the employer.
/// </summary>
public static partial class CallRules
{
    public const int MaxDays = 30;

    public static CheckedLine? Check(CallLineInput input, DateOnly today, FieldErrors errors)
    {
        var cf = (input.WorkerCf ?? "").Trim().ToUpperInvariant();
        if (cf.Length == 0) errors.Add("workerCf", "Indica il codice fiscale del lavoratore.", "Enter the worker's codice fiscale.");
        else errors.Add("workerCf", CodiceFiscale.Validate(cf));

        var start = Date(input.StartDate, "startDate", required: true, errors);
        var end = Date(input.EndDate, "endDate", required: false, errors);
        if (start is { } s)
        {
            if (s < today)
                errors.Add("startDate", $"La data di inizio non può essere nel passato: la chiamata va comunicata prima dell'inizio della prestazione (oggi è {today:dd/MM/yyyy}).",
                    $"The start date cannot be in the past: a call must be communicated before the work starts (today is {today:dd/MM/yyyy}).");
            if (end is { } e)
            {
                if (e < s)
                    errors.Add("endDate", "La data di fine non può precedere la data di inizio.", "The end date cannot be before the start date.");
                else if (e.DayNumber - s.DayNumber + 1 > MaxDays)
                    errors.Add("endDate", $"Un periodo non può superare {MaxDays} giorni ({e.DayNumber - s.DayNumber + 1} indicati): dividilo in più chiamate.",
                        $"A period cannot be longer than {MaxDays} days ({e.DayNumber - s.DayNumber + 1} given): split it into several calls.");
            }
        }

        var co = string.IsNullOrWhiteSpace(input.CoCode) ? null : input.CoCode.Trim();
        if (co is not null && !CoCode().IsMatch(co))
            errors.Add("coCode", "Il codice comunicazione della CO è di 16 cifre.", "The CO communication code has 16 digits.");

        return errors.Any ? null : new CheckedLine(cf, start!.Value, end == start ? null : end, co);
    }

    /// <summary>The first period of the same worker that shares a day with <paramref name="line"/>, or null.</summary>
    public static (DateOnly Start, DateOnly End)? Overlap(CheckedLine line, IEnumerable<(string WorkerCf, DateOnly Start, DateOnly End)> others) =>
        others.Where(o => o.WorkerCf == line.WorkerCf && o.Start <= line.LastDay && line.StartDate <= o.End)
            .Select(o => ((DateOnly, DateOnly)?)(o.Start, o.End)).FirstOrDefault();

    public static FieldErrors OverlapError(FieldErrors errors, (DateOnly Start, DateOnly End) other) =>
        errors.Add("startDate",
            $"Il lavoratore ha già una chiamata attiva che si sovrappone: {Period(other.Start, other.End, "it")}. I periodi di uno stesso lavoratore non possono sovrapporsi.",
            $"The worker already has an active call that overlaps: {Period(other.Start, other.End, "en")}. Periods of one worker cannot overlap.");

    public static string Period(DateOnly start, DateOnly? end, string language) =>
        end is { } e && e != start
            ? (language == "en" ? $"from {start:dd/MM/yyyy} to {e:dd/MM/yyyy}" : $"dal {start:dd/MM/yyyy} al {e:dd/MM/yyyy}")
            : (language == "en" ? $"on {start:dd/MM/yyyy}" : $"il {start:dd/MM/yyyy}");

    private static DateOnly? Date(string? text, string field, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, "Indica la data di inizio.", "Enter the start date.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, "Data non valida: usa il formato gg/mm/aaaa.", "Invalid date: use dd/mm/yyyy.");
        return null;
    }

    [GeneratedRegex(@"^\d{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CoCode();
}
