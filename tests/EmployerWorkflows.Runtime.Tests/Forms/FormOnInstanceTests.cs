using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Runtime.Tests.Forms;

public sealed class FormOnInstanceTests
{
    private static readonly FormDefinition Form = FormDefinitionParser.Parse("""
        { "id": "answer", "title": { "it": "Risposta", "en": "Answer" }, "fields": [
          { "name": "why", "label": { "it": "Motivo", "en": "Reason" }, "type": "info", "variable": "reason" },
          { "name": "which", "label": { "it": "Documento", "en": "Document" }, "type": "info", "variable": "requested",
            "options": [ { "value": "chamberExtract", "label": { "it": "Visura camerale", "en": "Chamber of commerce extract" } } ] },
          { "name": "message", "label": { "it": "Messaggio", "en": "Message" }, "type": "multiline", "required": true },
          { "name": "upload", "label": { "it": "Documento", "en": "Document" }, "type": "file", "accept": ["pdf"], "required": true,
            "shownWhen": "requested" }
        ] }
        """).Form!;

    [Fact]
    public void Parse_ReadsVariableAndShownWhen_WhenFieldsDeclareThem()
    {
        Assert.Equal((FormFieldType.Info, "reason"), (Form.Field("why")!.Type, Form.Field("why")!.Variable));
        Assert.Equal("requested", Form.Field("upload")!.ShownWhen);
    }

    [Fact]
    public void Parse_ReportsVariableOnNonInfo_WhenATextFieldNamesOne()
    {
        var error = Assert.Single(FormDefinitionParser.Parse("""
            { "id": "x", "title": { "it": "X", "en": "X" }, "fields": [
              { "name": "x", "label": { "it": "X", "en": "X" }, "type": "text", "variable": "reason" } ] }
            """).Errors);

        Assert.Equal(("$.fields[0].variable", "variable-needs-info"), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_ReportsSchemaError_WhenAnInfoFieldNamesNoVariable()
    {
        var check = FormDefinitionParser.Parse("""
            { "id": "x", "title": { "it": "X", "en": "X" }, "fields": [ { "name": "x", "label": { "it": "X", "en": "X" }, "type": "info" } ] }
            """);

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors, e => e.Path.StartsWith("$.fields[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Shown_KeepsTheUploadAndBothTexts_WhenADocumentWasRequested()
    {
        var shown = FormOnInstance.Shown(Form, new JsonObject { ["reason"] = "Manca la visura.", ["requested"] = "chamberExtract" });

        Assert.Equal(["why", "which", "message", "upload"], shown.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Shown_LeavesOutTheUploadAndTheDocumentText_WhenNoDocumentWasRequested(string? requested)
    {
        var shown = FormOnInstance.Shown(Form, new JsonObject { ["reason"] = "Manca la visura.", ["requested"] = requested });

        Assert.Equal(["why", "message"], shown.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Shown_LeavesOutTheReason_WhenTheVariableIsAbsent()
    {
        Assert.Equal(["message"], FormOnInstance.Shown(Form, []).Fields.Select(f => f.Name));
    }

    [Fact]
    public void InfoText_GivesTheOptionLabel_WhenTheValueIsAnOption()
    {
        var text = FormOnInstance.InfoText(Form.Field("which")!, new JsonObject { ["requested"] = "chamberExtract" });

        Assert.Equal(("Visura camerale", "Chamber of commerce extract"), (text!.It, text.En));
    }

    [Fact]
    public void InfoText_GivesTheValueItself_WhenNoOptionMatches()
    {
        var text = FormOnInstance.InfoText(Form.Field("why")!, new JsonObject { ["reason"] = "Manca la visura." });

        Assert.Equal("Manca la visura.", text!.For("en"));
    }
}
