using EmployerWorkflows.Web.Features.Intermittent.Calls;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>One paragraph of a letter's body: its text and whether it is set in bold. Empty text leaves a blank line.</summary>
public sealed record PdfLine(string Text, bool Bold = false);

/// <summary>What a letter says: the sender's heading, the recipient's address block, the reference and the body.</summary>
public sealed record LetterContent(
    IReadOnlyList<string> Sender, IReadOnlyList<string> AddressBlock, string Reference, string DateLine, IReadOnlyList<PdfLine> Body);

/// <summary>
/// Lays a letter out on plain A4 with PDFsharp: sender at the top left, the address block where a Swiss window
/// envelope (C5/6, window on the right) shows it, then date, reference and body. Text is WinAnsi-encoded so it stays
/// searchable and Italian accents print; long bodies continue on further pages instead of being cut.
/// </summary>
public static class PdfLetter
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 57, Leading = 15;
    // The window of a C5/6 envelope with the window on the right: 118 mm from the left, 50 mm from the top.
    private const double AddressX = 334, AddressY = 142, BodyY = 270;

    public static byte[] Write(LetterContent letter)
    {
        // The receipts' resolver (DejaVu Sans) serves letters too; a host normally installs it at start-up.
        ReceiptFonts.Install(ReceiptFonts.DefaultDirectory);
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var regular = new XFont(ReceiptFonts.Family, 10.5, XFontStyleEx.Regular, options);
        var bold = new XFont(ReceiptFonts.Family, 10.5, XFontStyleEx.Bold, options);
        var small = new XFont(ReceiptFonts.Family, 8.5, XFontStyleEx.Regular, options);

        using var document = new PdfDocument();
        // The reference is the document's title, so a stored letter can be told apart without reading its text.
        document.Info.Title = letter.Reference;
        document.Info.Creator = "EmployerWorkflows";
        var page = new LetterPage(document);

        var y = Margin;
        foreach (var line in letter.Sender)
        {
            page.Graphics.DrawString(line, y == Margin ? bold : small, XBrushes.Black, Margin, y);
            y += Leading;
        }
        y = AddressY;
        foreach (var line in letter.AddressBlock)
        {
            page.Graphics.DrawString(line, regular, XBrushes.Black, AddressX, y);
            y += Leading;
        }

        y = BodyY;
        page.Graphics.DrawString(letter.DateLine, regular, XBrushes.Black, Margin, y);
        y += 2 * Leading;
        foreach (var paragraph in letter.Body)
        {
            var font = paragraph.Bold ? bold : regular;
            foreach (var line in Wrap(page.Graphics, paragraph.Text, font, PageWidth - 2 * Margin))
            {
                if (y > PageHeight - Margin)
                {
                    page = page.Next(document);
                    y = Margin;
                }
                page.Graphics.DrawString(line, font, XBrushes.Black, Margin, y);
                y += Leading;
            }
        }
        page.Graphics.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Splits a paragraph into lines no wider than the text column, breaking between words.</summary>
    private static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                candidate = word;
            }
            current = candidate;
        }
        yield return current;
    }

    private sealed class LetterPage
    {
        public XGraphics Graphics { get; }

        public LetterPage(PdfDocument document)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            Graphics = XGraphics.FromPdfPage(page);
        }

        public LetterPage Next(PdfDocument document)
        {
            Graphics.Dispose();
            return new LetterPage(document);
        }
    }
}
