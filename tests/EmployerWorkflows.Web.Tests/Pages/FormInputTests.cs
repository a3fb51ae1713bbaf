using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EmployerWorkflows.Web.Tests.Pages;

public sealed class FormInputTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static FormField Field(string name, FormFieldType type, bool required = false, string[]? accept = null) =>
        new(name, new LocalizedText(name, name), type, required, [], accept ?? [], 1, false, null);

    private static readonly FormDefinition Form = new("test", new("Prova", "Test"),
    [
        Field("reason", FormFieldType.Multiline),
        Field("cf", FormFieldType.CodiceFiscale),
        Field("mobile", FormFieldType.ItalianMobile),
        Field("document", FormFieldType.File, accept: ["pdf", "png"]),
    ]);

    private static FormCollection Posted(Dictionary<string, string> values, params (string Name, string FileName, byte[] Content)[] files)
    {
        var collection = new FormFileCollection();
        foreach (var (name, fileName, content) in files)
            collection.Add(new FormFile(new MemoryStream(content), 0, content.Length, name, fileName));
        return new FormCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)), collection);
    }

    [Fact]
    public async Task Read_RequiresField_WhenChosenActionRequiresIt()
    {
        var result = await FormInput.ReadAsync(Form, Posted([]), ["reason"], CancellationToken.None);
        Assert.Contains("reason", result.Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Read_FlagsEachFieldByItsDomainType_WhenValuesAreInvalid()
    {
        var result = await FormInput.ReadAsync(Form, Posted(new() { ["cf"] = "RSSMRA80A01H501X", ["mobile"] = "12345" }), [], CancellationToken.None);
        var errors = result.Errors.ToDictionary();
        Assert.Equal(["cf", "mobile"], errors.Keys.Order());
        Assert.Empty(result.Payload);
    }

    [Fact]
    public async Task Read_RefusesUpload_WhenContentIsNotAnAcceptedFormat()
    {
        var result = await FormInput.ReadAsync(Form, Posted([], ("document", "fake.pdf", "MZ executable"u8.ToArray())), [], CancellationToken.None);
        Assert.Contains("PDF, PNG", result.Errors.ToDictionary()["document"].Single());
        Assert.Empty(result.Files);
    }

    [Fact]
    public async Task Read_AcceptsUploadWithContentTypeFromItsBytes_WhenNameSaysOtherwise()
    {
        var result = await FormInput.ReadAsync(Form, Posted([], ("document", "scan.pdf", Png)), [], CancellationToken.None);
        Assert.False(result.Errors.Any);
        Assert.Equal("image/png", result.Files.Single().ContentType);
        Assert.Equal("scan.pdf", result.Payload["document"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_RefusesUpload_WhenLargerThanFieldLimit()
    {
        var big = new byte[1024 * 1024 + 1];
        Png.CopyTo(big, 0);
        var result = await FormInput.ReadAsync(Form, Posted([], ("document", "big.png", big)), [], CancellationToken.None);
        Assert.Contains("1 MB", result.Errors.ToDictionary()["document"].Single());
    }
}
