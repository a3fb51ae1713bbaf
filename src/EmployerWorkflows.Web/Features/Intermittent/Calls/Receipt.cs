using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>
/// The receipt of a sent communication («Ricevuta invio di comunicazione»): an A4 PDF with the communication number,
/// type, employer, send time and every call, labels in Italian and English. The number is also the document's title,
/// so a stored receipt can be told apart without reading its text.
/// </summary>
public static class Receipt
{
    private const double Margin = 50, RowHeight = 16;

    private const int CallsPerPage = 40;

    public static byte[] Write(CallCommunication communication, DateTimeOffset sentAtLocal)
    {
        // Long communications continue on further pages rather than being cut.
        if (communication.Lines.Count > CallsPerPage) return WriteLong(communication, sentAtLocal);
        using var document = new PdfDocument();
        document.Info.Title = communication.Number ?? "";
        document.Info.Subject = communication.Type == CommunicationType.Invio ? "I" : "A";
        document.Info.Creator = "EmployerWorkflows";
        // A fixed creation date keeps receipts byte-identical when rewritten from the same data.
        document.Info.CreationDate = sentAtLocal.DateTime;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(595);
        page.Height = XUnit.FromPoint(842);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(ReceiptFonts.Family, 14, XFontStyleEx.Bold);
            var bold = new XFont(ReceiptFonts.Family, 10, XFontStyleEx.Bold);
            var text = new XFont(ReceiptFonts.Family, 10, XFontStyleEx.Regular);
            var y = Margin;
            void Line(string value, XFont font, double x = Margin) => g.DrawString(value, font, XBrushes.Black, x, y);

            Line("Ricevuta invio di comunicazione chiamata lavoratori intermittenti", title);
            y += RowHeight;
            Line("Receipt of an intermittent-work call communication", text);
            y += 2 * RowHeight;
            var kind = communication.Type == CommunicationType.Invio ? "I - Invio / Call" : "A - Annullamento / Cancellation";
            foreach (var (label, value) in new[]
                     {
                         ("Codice comunicazione / Communication code", communication.Number ?? ""),
                         ("Tipo / Type", kind),
                         ("Data invio / Sent on", sentAtLocal.ToString("dd/MM/yyyy HH:mm:ss")),
                         ("Datore di lavoro / Employer", $"{communication.EmployerName} ({communication.EmployerCf})"),
                         ("E-mail", communication.EmployerEmail),
                         ("Canale / Channel", communication.Channel.ToUpperInvariant()),
                     })
            {
                Line(label, bold);
                Line(value, text, 300);
                y += RowHeight;
            }
            y += RowHeight;
            Line("Chiamate / Calls", bold);
            y += RowHeight;
            double[] columns = [Margin, 185, 305, 385, 465];
            string[] headings = ["CF lavoratore", "Codice CO", "Data inizio", "Data fine", "Stato"];
            for (var i = 0; i < headings.Length; i++) Line(headings[i], bold, columns[i]);
            y += RowHeight;
            foreach (var call in communication.Lines.OrderBy(l => l.WorkerCf).ThenBy(l => l.StartDate))
            {
                string[] cells = [call.WorkerCf, call.CoCode ?? "-", call.StartDate.ToString("dd/MM/yyyy"), call.EndDate?.ToString("dd/MM/yyyy") ?? "-",
                    communication.Type == CommunicationType.Annullamento ? "Annullata" : call.Status.ToString()];
                for (var i = 0; i < cells.Length; i++) Line(cells[i], text, columns[i]);
                y += RowHeight;
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static byte[] WriteLong(CallCommunication communication, DateTimeOffset sentAtLocal)
    {
        var pages = communication.Lines.OrderBy(l => l.WorkerCf).ThenBy(l => l.StartDate).Chunk(CallsPerPage).ToList();
        using var merged = new PdfDocument();
        foreach (var chunk in pages)
        {
            var part = new CallCommunication
            {
                Number = communication.Number, Type = communication.Type, EmployerCf = communication.EmployerCf,
                EmployerName = communication.EmployerName, EmployerEmail = communication.EmployerEmail, Channel = communication.Channel,
                Lines = chunk.ToList(),
            };
            using var stream = new MemoryStream(Write(part, sentAtLocal));
            using var source = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            merged.AddPage(source.Pages[0]);
        }
        merged.Info.Title = communication.Number ?? "";
        using var output = new MemoryStream();
        merged.Save(output, closeStream: false);
        return output.ToArray();
    }
}
