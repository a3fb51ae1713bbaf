namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>A line diff of two documents (longest common subsequence), for reviewing a draft before publishing.</summary>
public static class TextDiff
{
    public sealed record Line(char Kind, string Text, int? OldNumber, int? NewNumber);

    public static IReadOnlyList<Line> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { result.Add(new(' ', a[x], x + 1, y + 1)); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { result.Add(new('+', b[y], null, y + 1)); y++; }
            else { result.Add(new('-', a[x], x + 1, null)); x++; }
        }
        return result;
    }

    /// <summary>Unified text: changed lines with two lines of context.</summary>
    public static string Unified(string before, string after)
    {
        var lines = Lines(before, after);
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind != ' ')
                for (var k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2); k++) keep[k] = true;
        return string.Join("\n", lines.Where((_, i) => keep[i]).Select(l => $"{l.Kind} {l.Text}"));
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n").Split('\n');
}
