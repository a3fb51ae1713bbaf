using System.Globalization;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// Arrival order of Maildir files: Python's mailbox names them "seconds.Mmicroseconds...", with the
/// microseconds not zero-padded, so a plain name sort would misorder messages within one second.
/// </summary>
internal static partial class MaildirOrder
{
    public static (long Seconds, long Microseconds) Key(string path)
    {
        var match = UniqueName().Match(Path.GetFileName(path));
        return match.Success
            ? (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
               long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (long.MaxValue, long.MaxValue);
    }

    [GeneratedRegex(@"^(\d+)\.M(\d+)")]
    private static partial Regex UniqueName();
}
