namespace EmployerWorkflows.Runtime.Tests.Forms;

/// <summary>A throw-away folder of <c>*.form.json</c> files.</summary>
internal sealed class FormFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ew-forms-" + Guid.NewGuid().ToString("N"));

    public FormFolder()
    {
        Directory.CreateDirectory(Root);
    }

    public static string Form(string id, string fieldName = "note") =>
        $$"""
        { "id": "{{id}}", "title": { "it": "Modulo", "en": "Form" },
          "fields": [ { "name": "{{fieldName}}", "label": { "it": "Nota", "en": "Note" }, "type": "multiline" } ] }
        """;

    public FormFolder Write(string fileName, string content)
    {
        File.WriteAllText(Path.Combine(Root, fileName), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
