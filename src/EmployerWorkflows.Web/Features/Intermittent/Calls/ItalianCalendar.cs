using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>Called days are Italian calendar days: "today" and the end of a day are taken in Italy's time zone.</summary>
public sealed class ItalianCalendar(TimeProvider clock, IOptions<IntermittentOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The instant a day ends (next midnight in Italy).</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>Until when an Attiva call may be cancelled: the configured hours after its last day ends (DOMAIN §4.5).</summary>
    public DateTimeOffset CancellationDeadline(CallLine line) => EndOf(line.LastDay).AddHours(options.Value.CancellationHours);
}
