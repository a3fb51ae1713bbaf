using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace EmployerWorkflows.FaultTests.Checks;

/// <summary>A message as the SMTP server stored it: its Message-Id, recipient and when it arrived.</summary>
public sealed partial record Arrival(string MessageId, string To, DateTimeOffset At)
{
    /// <summary>
    /// Every message in the mailbox's Maildir, oldest first. The Maildir handler names files
    /// "seconds.M&lt;microseconds&gt;…" at arrival, which gives the time without parsing bodies.
    /// </summary>
    public static IReadOnlyList<Arrival> ReadAll(string maildir) =>
        new[] { "new", "cur" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(maildir, folder)))
            .Select(Read)
            .OrderBy(a => a.At)
            .ToList();

    private static Arrival Read(string path)
    {
        using var stream = File.OpenRead(path);
        var headers = HeaderList.Load(stream);
        var id = MimeKit.Utils.MimeUtils.EnumerateReferences(headers[HeaderId.MessageId] ?? "").FirstOrDefault() ?? "(none)";
        var to = InternetAddressList.Parse(headers[HeaderId.To] ?? "").Mailboxes.FirstOrDefault()?.Address ?? "(none)";
        var name = UniqueName().Match(Path.GetFileName(path));
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(name.Groups[1].Value, CultureInfo.InvariantCulture))
            .AddTicks(long.Parse(name.Groups[2].Value, CultureInfo.InvariantCulture) * 10);
        return new Arrival(id, to, at);
    }

    [GeneratedRegex(@"^(\d+)\.M(\d+)")]
    private static partial Regex UniqueName();
}
