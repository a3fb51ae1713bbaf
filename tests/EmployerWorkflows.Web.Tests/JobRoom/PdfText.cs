using System.Text;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>Finds text in a PDF written with WinAnsi string literals (as the procura letter is).</summary>
internal static class PdfText
{
    public static bool Contains(byte[] pdf, string text) =>
        pdf.AsSpan().IndexOf(Encoding.Latin1.GetBytes(text.Replace("(", "\\(").Replace(")", "\\)"))) >= 0;
}
