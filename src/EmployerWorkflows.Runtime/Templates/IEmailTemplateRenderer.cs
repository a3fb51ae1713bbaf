using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>Renders a Liquid email template of the catalog in one language.</summary>
public interface IEmailTemplateRenderer
{
    /// <summary>Renders subject and body; throws <see cref="TemplateException"/> for unknown or broken templates.</summary>
    RenderedEmail Render(string template, string language, JsonObject model);
}

public sealed record RenderedEmail(string Subject, string TextBody, string? HtmlBody);

public sealed class TemplateException(string template, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Template { get; } = template;
}
