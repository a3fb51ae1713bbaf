using System.Globalization;
using System.Text;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>One line of a letter: its text and whether it is set in bold.</summary>
public sealed record PdfLine(string Text, bool Bold = false);

/// <summary>
/// Writes a one-page A4 PDF 1.4 of text lines in the standard Helvetica fonts with WinAnsi encoding (so Italian
/// accents print), with a correct cross-reference table. Letters are short; longer text is wrapped, and lines
/// beyond the page are refused rather than silently lost.
/// </summary>
public static class PdfLetter
{
    private const int PageWidth = 595, PageHeight = 842, Margin = 56, FontSize = 11, Leading = 15;
    private const int MaxChars = 88;

    public static byte[] Write(IEnumerable<PdfLine> lines)
    {
        var wrapped = lines.SelectMany(Wrap).ToList();
        var maxLines = (PageHeight - 2 * Margin) / Leading;
        if (wrapped.Count > maxLines)
            throw new ArgumentException($"The letter has {wrapped.Count} lines; one page holds {maxLines}.", nameof(lines));

        var content = new MemoryStream();
        Ascii(content, $"BT\n{Leading} TL\n{Margin} {PageHeight - Margin} Td\n");
        var bold = (bool?)null;
        foreach (var line in wrapped)
        {
            if (bold != line.Bold)
            {
                Ascii(content, $"/{(line.Bold ? "F2" : "F1")} {FontSize} Tf\n");
                bold = line.Bold;
            }
            content.WriteByte((byte)'(');
            content.Write(Encode(line.Text));
            Ascii(content, ") Tj T*\n");
        }
        Ascii(content, "ET\n");
        var stream = content.ToArray();

        var objects = new List<byte[]>
        {
            Latin("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
                  "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"),
            Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
            Latin($"<< /Length {stream.Length} >>\nstream\n").Concat(stream).Concat(Latin("\nendstream")).ToArray(),
        };

        var pdf = new MemoryStream();
        // The second line's high bytes tell transfer tools the file is binary.
        pdf.Write(Latin("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin("\nendobj\n"));
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Latin(table.ToString()));
        return pdf.ToArray();
    }

    private static IEnumerable<PdfLine> Wrap(PdfLine line)
    {
        if (line.Text.Length <= MaxChars)
        {
            yield return line;
            yield break;
        }
        var current = new StringBuilder();
        foreach (var word in line.Text.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > MaxChars)
            {
                yield return line with { Text = current.ToString() };
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) yield return line with { Text = current.ToString() };
    }

    /// <summary>WinAnsi bytes of a string literal's content, with the PDF escapes for parentheses and backslash.</summary>
    internal static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var c in text)
        {
            if (c is '(' or ')' or '\\') bytes.Add((byte)'\\');
            bytes.Add(WinAnsi(c));
        }
        return [.. bytes];
    }

    private static byte WinAnsi(char c) => c switch
    {
        >= ' ' and <= '~' => (byte)c,
        >= '\u00a0' and <= '\u00ff' => (byte)c,
        '€' => 0x80, '‚' => 0x82, '„' => 0x84, '…' => 0x85, '‘' => 0x91, '’' => 0x92,
        '“' => 0x93, '”' => 0x94, '•' => 0x95, '–' => 0x96, '—' => 0x97,
        _ => (byte)'?',
    };

    private static byte[] Latin(string s) => Encoding.Latin1.GetBytes(s);

    private static void Ascii(Stream stream, string s) => stream.Write(Encoding.ASCII.GetBytes(s));
}
