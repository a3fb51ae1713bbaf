using System.Globalization;
using Jint.Runtime;

namespace EmployerWorkflows.Runtime.Expressions;

/// <summary>
/// Makes <c>Date.now()</c> and <c>new Date()</c> return the scope's <c>now</c>, the runtime's clock, so
/// expressions agree with timers and tests that move the clock. The time zone is UTC on every server.
/// </summary>
internal sealed class ScopeTimeSystem(DateTimeOffset now) : ITimeSystem
{
    private static readonly DefaultTimeSystem Utc = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => Utc.DefaultTimeZone;

    public DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public TimeSpan GetUtcOffset(long epochMilliseconds) => Utc.GetUtcOffset(epochMilliseconds);

    public bool TryParse(string date, out long epochMilliseconds) => Utc.TryParse(date, out epochMilliseconds);
}
