using System.Text;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;

namespace EmployerWorkflows.Web.Tests.JobRoom;

public sealed partial class PdfLetterTests
{
    private static readonly UidRegisterRecord Company =
        new(Guid.NewGuid(), SwissUid.Parse("CHE-109.322.551"), "Caffè Città Sagl", "Via Nassa 5", "6900", "Lugano", "CH");

    private static byte[] Letter() => ProcuraLetter.Create(Company, "Anna Bernasconi", "anna@example.ch", "3F9A12BC",
        new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), "it");

    [Fact]
    public void ProcuraLetter_StartsWithPdfHeaderAndEndsWithEofMarker()
    {
        var text = Encoding.Latin1.GetString(Letter());

        Assert.StartsWith("%PDF-1.4\n", text);
        Assert.EndsWith("%%EOF\n", text);
    }

    [Fact]
    public void ProcuraLetter_HasCrossReferenceOffsetsPointingAtEachObject()
    {
        var pdf = Letter();
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = int.Parse(StartXref().Match(text).Groups[1].Value);
        Assert.StartsWith("xref\n0 7\n", text[startXref..]);

        var entries = XrefEntry().Matches(text[startXref..]).Select(m => int.Parse(m.Groups[1].Value)).ToList();

        Assert.Equal(6, entries.Count);
        for (var i = 0; i < entries.Count; i++)
            Assert.StartsWith($"{i + 1} 0 obj\n", text[entries[i]..]);
        Assert.Contains("trailer\n<< /Size 7 /Root 1 0 R >>", text);
    }

    [Fact]
    public void ProcuraLetter_DeclaresContentStreamLengthExactly()
    {
        var text = Encoding.Latin1.GetString(Letter());
        var match = StreamLength().Match(text);
        var start = match.Index + match.Length;

        Assert.Equal("\nendstream", text.Substring(start + int.Parse(match.Groups[1].Value), "\nendstream".Length));
    }

    [Fact]
    public void ProcuraLetter_ContainsAddressLinesFromUidRegister_InWinAnsiEncoding()
    {
        var pdf = Letter();

        foreach (var line in Company.AddressLines)
            Assert.True(PdfText.Contains(pdf, line), line);
        Assert.True(pdf.AsSpan().IndexOf("Caff\u00e8 Citt\u00e0 Sagl"u8) < 0, "accents are single WinAnsi bytes, not UTF-8");
        Assert.True(PdfText.Contains(pdf, "CHE-109.322.551") && PdfText.Contains(pdf, "3F9A12BC"));
        Assert.Contains("/Encoding /WinAnsiEncoding", Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public void Encode_EscapesParenthesesAndBackslash_AndMapsTypographicQuotes()
    {
        Assert.Equal(Encoding.Latin1.GetBytes("\\(a\\) \\\\ ").Append((byte)0x92).ToArray(), PdfLetter.Encode("(a) \\ \u2019"));
    }

    [Fact]
    public void Write_RefusesText_WhenItDoesNotFitOnePage()
    {
        Assert.Throws<ArgumentException>(() => PdfLetter.Write(Enumerable.Range(0, 60).Select(i => new PdfLine($"riga {i}"))));
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n \n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"<< /Length (\d+) >>\nstream\n")]
    private static partial Regex StreamLength();
}
