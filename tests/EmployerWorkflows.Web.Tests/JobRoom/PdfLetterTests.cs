using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using PdfSharp.Pdf.IO;

namespace EmployerWorkflows.Web.Tests.JobRoom;

public sealed class PdfLetterTests
{
    private static readonly UidRegisterRecord Company =
        new(Guid.NewGuid(), SwissUid.Parse("CHE-109.322.551"), "Caffè Città Sagl", "Via Nassa 5", "6900", "Lugano", "CH");

    private static byte[] Letter(string language = "it") => ProcuraLetter.Create(Company, "Anna Bernasconi", "anna@example.ch",
        "3F9A12BC", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), language);

    [Fact]
    public void ProcuraLetter_OpensInPdfSharpAsOneA4Page_TitledWithTheReference()
    {
        using var document = PdfReader.Open(new MemoryStream(Letter()), PdfDocumentOpenMode.Import);

        Assert.Equal(1, document.PageCount);
        var page = document.Pages[0];
        Assert.Equal((595d, 842d), (Math.Round(page.Width.Point), Math.Round(page.Height.Point)));
        Assert.Equal("3F9A12BC", document.Info.Title);
    }

    [Fact]
    public void ProcuraLetter_ShowsTheCompanyAddressBlockFromTheUidRegister_WithAccents()
    {
        var text = PdfText.Read(Letter());

        Assert.Contains("Caffè Città Sagl\nVia Nassa 5\n6900 Lugano\nSvizzera", text);
    }

    [Fact]
    public void ProcuraLetter_ShowsReferenceDateAndUid_InTheRequestedLanguage()
    {
        var italian = PdfText.Read(Letter("it"));
        var english = PdfText.Read(Letter("en"));

        Assert.Contains("Data: 25/11/2026      Riferimento: 3F9A12BC", italian);
        Assert.Contains("Procura per un conto Job-Room – numero IDI CHE-109.322.551", italian);
        Assert.Contains("Date: 25/11/2026      Reference: 3F9A12BC", english);
    }

    [Fact]
    public void Write_WrapsALongParagraph_WithoutLosingAWord()
    {
        var words = Enumerable.Range(0, 60).Select(i => $"parola{i}").ToList();
        var pdf = PdfLetter.Write(new LetterContent(["Mittente"], ["Destinatario"], "R1", "Data", [new PdfLine(string.Join(' ', words))]));

        var lines = PdfText.Read(pdf).Split('\n');

        Assert.Equal(words, lines.Skip(3).SelectMany(l => l.Split(' ')).ToList());
        Assert.True(lines.Length > 4, "the paragraph is wider than one line");
    }

    [Fact]
    public void Write_ContinuesOnANewPage_WhenTheBodyDoesNotFitOne()
    {
        var body = Enumerable.Range(0, 60).Select(i => new PdfLine($"riga {i}")).ToList();

        var pdf = PdfLetter.Write(new LetterContent(["Mittente"], ["Destinatario"], "R1", "Data", body));

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(2, document.PageCount);
        Assert.EndsWith("riga 58\nriga 59", PdfText.Read(pdf));
    }
}
