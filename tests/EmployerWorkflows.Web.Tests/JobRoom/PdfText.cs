using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>Reads a PDF back with PDFsharp and gives the text its pages show, one shown string per line.</summary>
internal static class PdfText
{
    public static bool Contains(byte[] pdf, string text) => Read(pdf).Contains(text, StringComparison.Ordinal);

    public static string Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var shown = new List<string>();
        foreach (var page in document.Pages)
            Collect(ContentReader.ReadContent(page), shown);
        return string.Join("\n", shown);
    }

    // Letters are WinAnsi-encoded: the bytes 0x80–0x9F are typographic marks, not Latin-1 control characters.
    private static char WinAnsi(char c) => c switch
    {
        '\u0080' => '€', '\u0091' => '‘', '\u0092' => '’', '\u0093' => '“', '\u0094' => '”',
        '\u0095' => '•', '\u0096' => '–', '\u0097' => '—', _ => c,
    };

    private static void Collect(CObject content, List<string> shown)
    {
        switch (content)
        {
            case CString text:
                shown.Add(string.Concat(text.Value.Select(WinAnsi)));
                break;
            case COperator op:
                foreach (var operand in op.Operands) Collect(operand, shown);
                break;
            case CSequence sequence:
                foreach (var item in sequence) Collect(item, shown);
                break;
        }
    }
}
