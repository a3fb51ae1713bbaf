using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Runtime.Tests.Forms;

public sealed class FormDefinitionParserTests
{
    private static string Form(string fields) =>
        $$"""{ "id": "pin-check", "title": { "it": "Verifica PIN", "en": "PIN check" }, "fields": [ {{fields}} ] }""";

    private const string Pin = """{ "name": "pin", "label": { "it": "PIN", "en": "PIN" }, "type": "secret", "required": true }""";

    private static (string Path, string Code) SingleError(string json)
    {
        var error = Assert.Single(FormDefinitionParser.Parse(json).Errors);
        return (error.Path, error.Code);
    }

    [Fact]
    public void Parse_ReadsFields_WhenFormIsValid()
    {
        var check = FormDefinitionParser.Parse(Form(Pin + """
            , { "name": "kind", "label": { "it": "Tipo", "en": "Kind" }, "type": "select",
                "options": [ { "value": "srl", "label": { "it": "S.r.l.", "en": "Ltd" } } ] }
            , { "name": "statute", "label": { "it": "Statuto", "en": "Statute" }, "type": "file", "accept": ["pdf"], "maxSizeMb": 5 }
            """));

        Assert.Empty(check.Errors);
        var form = check.Form!;
        Assert.Equal(("pin-check", "PIN check"), (form.Id, form.Title.En));
        Assert.Equal([FormFieldType.Secret, FormFieldType.Select, FormFieldType.File], form.Fields.Select(f => f.Type));
        Assert.Equal("Ltd", form.Field("kind")!.Options.Single().Label.En);
        Assert.Equal(["pdf"], form.Field("statute")!.Accept);
        Assert.Equal(5, form.Field("statute")!.MaxSizeMb);
    }

    [Theory]
    [InlineData("codiceFiscale", FormFieldType.CodiceFiscale)]
    [InlineData("partitaIva", FormFieldType.PartitaIva)]
    [InlineData("companyCf", FormFieldType.CompanyCf)]
    [InlineData("swissUid", FormFieldType.SwissUid)]
    [InlineData("risNumber", FormFieldType.RisNumber)]
    [InlineData("italianMobile", FormFieldType.ItalianMobile)]
    public void Parse_ReadsDomainTypes_WhenWrittenInCamelCase(string json, FormFieldType expected)
    {
        var check = FormDefinitionParser.Parse(Form($$"""{ "name": "f", "label": { "it": "F", "en": "F" }, "type": "{{json}}" }"""));

        Assert.Equal(expected, check.Form!.Fields.Single().Type);
    }

    [Fact]
    public void NeverStored_IsTrue_WhenFieldTypeIsSecret()
    {
        Assert.True(FormDefinitionParser.Parse(Form(Pin)).Form!.Fields.Single().NeverStored);
    }

    [Fact]
    public void NeverStored_IsTrue_WhenFieldIsFlaggedSecret()
    {
        var check = FormDefinitionParser.Parse(Form("""{ "name": "otp", "label": { "it": "OTP", "en": "OTP" }, "type": "text", "secret": true }"""));

        Assert.True(check.Form!.Fields.Single().NeverStored);
    }

    [Fact]
    public void NeverStored_IsFalse_WhenFieldIsOrdinary()
    {
        var check = FormDefinitionParser.Parse(Form("""{ "name": "note", "label": { "it": "Nota", "en": "Note" }, "type": "text" }"""));

        Assert.False(check.Form!.Fields.Single().NeverStored);
    }

    [Fact]
    public void Parse_ReportsMissingOptions_WhenSelectHasNone()
    {
        Assert.Equal(("$.fields[0].options", "schema"),
            SingleError(Form("""{ "name": "kind", "label": { "it": "Tipo", "en": "Kind" }, "type": "select" }""")));
    }

    [Fact]
    public void Parse_ReportsMissingAccept_WhenFileHasNoFormats()
    {
        Assert.Equal(("$.fields[0].accept", "schema"),
            SingleError(Form("""{ "name": "doc", "label": { "it": "Doc", "en": "Doc" }, "type": "file" }""")));
    }

    [Fact]
    public void Parse_ListsFieldTypes_WhenTypeIsUnknown()
    {
        var error = Assert.Single(FormDefinitionParser.Parse(
            Form("""{ "name": "x", "label": { "it": "X", "en": "X" }, "type": "iban" }""")).Errors);

        Assert.Equal(("$.fields[0].type", "schema"), (error.Path, error.Code));
        Assert.Contains("codiceFiscale", error.Message);
    }

    [Fact]
    public void Parse_ReportsDuplicateField_WhenNamesRepeat()
    {
        Assert.Equal(("$.fields[1].name", "duplicate-field"), SingleError(Form(Pin + "," + Pin)));
    }

    [Fact]
    public void Parse_ReportsOptionsOnNonSelect_WhenTextHasOptions()
    {
        Assert.Equal(("$.fields[0].options", "options-need-select"), SingleError(Form(
            """{ "name": "x", "label": { "it": "X", "en": "X" }, "type": "text", "options": [ { "value": "a", "label": { "it": "A", "en": "A" } } ] }""")));
    }

    [Fact]
    public void Parse_ReportsFileSettingsOnNonFile_WhenTextHasAccept()
    {
        Assert.Equal(("$.fields[0]", "accept-needs-file"), SingleError(Form(
            """{ "name": "x", "label": { "it": "X", "en": "X" }, "type": "text", "accept": ["pdf"] }""")));
    }

    [Fact]
    public void Parse_ReportsUnknownProperty_WhenFieldHasTypo()
    {
        Assert.Equal(("$.fields[0].requried", "schema"), SingleError(Form(
            """{ "name": "x", "label": { "it": "X", "en": "X" }, "type": "text", "requried": true }""")));
    }

    [Fact]
    public void Parse_ReportsInvalidJson_WhenTextIsBroken()
    {
        Assert.Equal(("$", "invalid-json"), SingleError("{ \"id\": \"x\", "));
    }
}
