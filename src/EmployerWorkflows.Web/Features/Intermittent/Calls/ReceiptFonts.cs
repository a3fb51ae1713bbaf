using PdfSharp.Fonts;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>
/// PDFsharp finds no system fonts on Linux, so receipts use DejaVu Sans from Debian's fonts-dejavu-core (installed
/// by test.sh; it covers the Italian accents). Every family asked for resolves to it.
/// </summary>
public sealed class ReceiptFonts(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        if (!File.Exists(path))
            throw new InvalidOperationException($"Font file {path} is missing: install the Debian package fonts-dejavu-core or set Intermittent:FontDirectory.");
        return File.ReadAllBytes(path);
    }

    /// <summary>PDFsharp's resolver is process-wide and can be set once; later calls keep the first.</summary>
    public static void Install(string directory)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new ReceiptFonts(directory);
        }
    }
}
