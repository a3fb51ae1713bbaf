using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>Email templates and forms of the definitions, for designers: read them, and preview a template on sample data.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Process designer").RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        group.MapGet("/templates", (FileTemplateCatalog catalog) => catalog.Names()).WithSummary("Email template names");
        group.MapGet("/templates/{name}/{language}", (string name, string language, ITemplateCatalog catalog) =>
                catalog.GetSource(name, language) is { } source ? Results.Text(source, "text/plain") : Results.NotFound())
            .WithSummary("Source of a template in a language (Italian when the language has none)");
        group.MapPost("/templates/preview", ([FromBody] TemplatePreview request) =>
            {
                try
                {
                    var renderer = new FluidEmailTemplateRenderer(new OneTemplate(request.Source ?? ""));
                    return Results.Ok(renderer.Render(OneTemplate.Name, request.Language ?? "it", request.Model ?? []));
                }
                catch (TemplateException e)
                {
                    return Results.Problem(statusCode: 400, title: Lang.T("Il modello non si può usare.", "The template cannot be used."), detail: e.Message);
                }
            })
            .WithSummary("Render a template source on sample data")
            .WithDescription("Send the source being edited (first line `subject: ...`, a line `---`, the body) and a sample model; nothing is saved or sent.");
        group.MapGet("/forms", (FileFormCatalog forms) => forms.All).WithSummary("Forms of human tasks");
        return app;
    }

    /// <summary>A catalog holding just the template being edited.</summary>
    private sealed class OneTemplate(string source) : ITemplateCatalog
    {
        public const string Name = "preview";
        public bool Exists(string name) => name == Name;
        public string? GetSource(string name, string language) => name == Name ? source : null;
    }
}

public sealed record TemplatePreview(string? Source, string? Language, JsonObject? Model);
