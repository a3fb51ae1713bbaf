using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>Template, form and role names a test deployment knows.</summary>
public sealed class TestCatalogs : ITemplateCatalog, IFormCatalog, IRoleCatalog
{
    public static readonly string[] Templates = ["received", "reminder", "broken"];
    public static readonly string[] Forms = ["review-form", "changes-form"];
    public static readonly string[] Roles = ["AgencyReviewer", "SecoDesk"];

    public bool Exists(string name) => Templates.Contains(name) || Forms.Contains(name) || Roles.Contains(name);

    public string? GetSource(string name, string language) => Templates.Contains(name) ? $"subject: {name}\n---\nbody" : null;

    /// <summary>
    /// The review form takes a reason and a note; the amount, PIN, IBAN and contact fields let tests send numbers
    /// built in code and secrets through a real contract.
    /// </summary>
    public FormDefinition? Find(string formId) => formId switch
    {
        "review-form" => new FormDefinition(formId, new LocalizedText("Revisione", "Review"),
        [
            Field("reason", FormFieldType.Multiline), Field("note", FormFieldType.Text), Field("amount", FormFieldType.Number),
            Field("PIN", FormFieldType.Secret), Field("iban", FormFieldType.Text), Field("contact", FormFieldType.Object),
        ]),
        "changes-form" => new FormDefinition(formId, new LocalizedText("Modifiche", "Changes"), [Field("message", FormFieldType.Multiline)]),
        _ => null,
    };

    private static FormField Field(string name, FormFieldType type) =>
        new(name, new LocalizedText(name, name), type, false, [], [], null, false, null);
}

/// <summary>
/// Renders a template as its name, language and model, so tests can assert what reached the outbox; the template
/// named <c>broken</c> fails as a broken Liquid file would.
/// </summary>
public sealed class ModelEchoRenderer : IEmailTemplateRenderer
{
    public RenderedEmail Render(string template, string language, JsonObject model)
    {
        if (template == "broken")
            throw new TemplateException(template, "Template 'broken' has an unclosed tag at line 3.");
        return new RenderedEmail($"{template} ({language})", model.ToJsonString(), null);
    }
}
