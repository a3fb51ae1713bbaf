using System.Globalization;

namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>
/// Where a page ended: the phase (dated or undated, per priority when sorting by it), the last sort key (due date, or
/// creation when sorting by age) and id.
/// Written as text so it travels in a link.
/// </summary>
internal sealed record InboxCursor(int Phase, DateTimeOffset? At, Guid Id)
{
    public override string ToString() =>
        $"{Phase}~{At?.UtcTicks.ToString(CultureInfo.InvariantCulture)}~{Id:N}";

    public static bool TryParse(string? value, out InboxCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value)) return true;
        var parts = value.Split('~');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var phase)
            || !Guid.TryParseExact(parts[2], "N", out var id))
            return false;
        DateTimeOffset? due = null;
        if (parts[1].Length > 0)
        {
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            due = new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        cursor = new InboxCursor(phase, due, id);
        return true;
    }
}
