using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

public sealed record TemplatePreview(string? Source, string? Language, JsonObject? Model);

public sealed record TemplatePreviewResult(string Subject, string TextBody, string? HtmlBody, JsonObject Model);

/// <summary>A preview, or why the text cannot be rendered (the template engine's own words).</summary>
public sealed record PreviewOutcome(TemplatePreviewResult? Rendered, string? Problem);

/// <summary>Renders a template text being edited, for the API and the template editor alike. Nothing is saved or sent.</summary>
public static class TemplatePreviewer
{
    /// <summary>Renders on the given model, or on one made from the variables the text prints.</summary>
    public static PreviewOutcome Render(TemplatePreview request)
    {
        var source = request.Source ?? "";
        var model = request.Model ?? TemplateSample.For(source);
        try
        {
            var rendered = new FluidEmailTemplateRenderer(new SingleTemplateCatalog(source))
                .Render(SingleTemplateCatalog.Name, request.Language ?? FileTemplateCatalog.DefaultLanguage, model);
            return new PreviewOutcome(new TemplatePreviewResult(rendered.Subject, rendered.TextBody, rendered.HtmlBody, model), null);
        }
        catch (TemplateException e)
        {
            return new PreviewOutcome(null, e.Message);
        }
    }
}
