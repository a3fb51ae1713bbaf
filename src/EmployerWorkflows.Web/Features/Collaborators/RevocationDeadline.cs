namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// Rule 39: privileges are revoked within N days (<c>Agency:RevocationDays</c>) of the end of the relationship. The
/// last day is the one the page and every email name; the procedure suspends the account once that day is over.
/// Computed here only, so the two can never name different days.
/// </summary>
public sealed record RevocationDeadline(DateOnly EndedOn, DateOnly LastDay)
{
    public static int Days(IConfiguration configuration) => configuration.GetValue("Agency:RevocationDays", 5);

    public static RevocationDeadline For(DateOnly endedOn, IConfiguration configuration) => new(endedOn, endedOn.AddDays(Days(configuration)));

    /// <summary>When the last day is over: the start of the next day.</summary>
    public DateTimeOffset FiresAt => new(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Whole days from today to the last day: 0 on the last day itself, negative once it has passed.</summary>
    public int DaysLeft(DateTimeOffset now) => LastDay.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
}
