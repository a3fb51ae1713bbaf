using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
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
