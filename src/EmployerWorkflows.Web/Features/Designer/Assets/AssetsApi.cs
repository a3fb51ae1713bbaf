using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>
/// Email templates and forms for process designers: list, read, save (checked, with edit-conflict detection),
/// restore the shipped file, history, and a preview of a template on sample data. Every change is journaled.
/// </summary>
public static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Process designer").RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        group.MapGet("/templates", async (AssetOverview overview, CancellationToken ct) => (await overview.ListAsync(null, ct)).Templates)
            .WithSummary("Email templates, each language with where its text comes from (saved, shipped file, missing)");
        group.MapGet("/templates/{name}/{language}", (string name, string language, AssetStore store, CancellationToken ct) =>
                ReadAsync(AssetKey.Template(name, language), store, ct))
            .WithSummary("A template in one language: the text in force, the shipped file's text and the revision to save on");
        group.MapPut("/templates/{name}/{language}", (string name, string language, [FromBody] AssetSave request, HttpContext http,
                AssetCommands commands, CancellationToken ct) => commands.SaveAsync(AssetKey.Template(name, language), request, http.User, ct))
            .WithSummary("Save a template")
            .WithDescription("Send the text (first line `subject: ...`, a line `---`, the body) and the revision you loaded (0 for a new one). " +
                "Refused with the errors when the Liquid does not parse or render, or when English comes before Italian; a stale revision gives 409.");
        group.MapDelete("/templates/{name}/{language}", (string name, string language, int revision, HttpContext http,
                AssetCommands commands, CancellationToken ct) => commands.RestoreFileAsync(AssetKey.Template(name, language), revision, http.User, ct))
            .WithSummary("Put the shipped file back in force").WithDescription("`revision` is the one you loaded; the saved revisions stay in the history.");
        group.MapGet("/templates/{name}/{language}/history", (string name, string language, AssetStore store, CancellationToken ct) =>
                store.HistoryAsync(AssetKey.Template(name, language), ct))
            .WithSummary("Saved revisions of a template, newest first");
        group.MapPost("/templates/preview", ([FromBody] TemplatePreview request) => Preview(request))
            .WithSummary("Render a template text on sample data")
            .WithDescription("Send the text being edited and, optionally, a model; without one, every variable the text prints gets a sample value. Nothing is saved or sent.");

        group.MapGet("/forms", (FileFormCatalog forms) => forms.All).WithSummary("Forms of human tasks");
        group.MapGet("/forms/{id}", (string id, AssetStore store, CancellationToken ct) => ReadAsync(AssetKey.Form(id), store, ct))
            .WithSummary("A form: the JSON in force, the shipped file's JSON and the revision to save on");
        group.MapPut("/forms/{id}", (string id, [FromBody] AssetSave request, HttpContext http, AssetCommands commands, CancellationToken ct) =>
                commands.SaveAsync(AssetKey.Form(id), request, http.User, ct))
            .WithSummary("Save a form").WithDescription("Checked like the shipped files (form schema, unique fields, id unchanged); a stale revision gives 409.");
        group.MapDelete("/forms/{id}", (string id, int revision, HttpContext http, AssetCommands commands, CancellationToken ct) =>
                commands.RestoreFileAsync(AssetKey.Form(id), revision, http.User, ct))
            .WithSummary("Put the shipped form file back in force");
        group.MapGet("/forms/{id}/history", (string id, AssetStore store, CancellationToken ct) => store.HistoryAsync(AssetKey.Form(id), ct))
            .WithSummary("Saved revisions of a form, newest first");

        group.MapGet("/definitions/{definitionId}/versions/{version:int}/assets", async (string definitionId, int version, AppDbContext db,
                AssetOverview overview, CancellationToken ct) =>
                await db.Set<WorkflowDefinitionVersion>().AsNoTracking().Where(v => v.DefinitionId == definitionId && v.Version == version)
                    .Select(v => v.Json).SingleOrDefaultAsync(ct) is { } json
                    ? Results.Ok(await overview.ListAsync(DefinitionAssets.Of(json), ct))
                    : Results.NotFound())
            .WithSummary("Templates and forms a version names, with where each comes from");
        return app;
    }

    /// <summary>Renders a text on the given model, or on one made from the variables it prints.</summary>
    public static IResult Preview(TemplatePreview request)
    {
        var source = request.Source ?? "";
        var model = request.Model ?? TemplateSample.For(source);
        try
        {
            var rendered = new FluidEmailTemplateRenderer(new SingleTemplateCatalog(source))
                .Render(SingleTemplateCatalog.Name, request.Language ?? FileTemplateCatalog.DefaultLanguage, model);
            return Results.Ok(new TemplatePreviewResult(rendered.Subject, rendered.TextBody, rendered.HtmlBody, model));
        }
        catch (TemplateException e)
        {
            return Results.Problem(statusCode: 400, title: Lang.T("Il modello non si può usare.", "The template cannot be used."), detail: e.Message);
        }
    }

    private static async Task<IResult> ReadAsync(AssetKey key, AssetStore store, CancellationToken ct)
    {
        if (!key.IsWellFormed) return Results.NotFound();
        var state = await store.GetAsync(key, ct);
        return state.IsNew && state.Revision == 0 ? Results.NotFound() : Results.Ok(AssetView.From(state));
    }
}

public sealed record TemplatePreview(string? Source, string? Language, JsonObject? Model);

public sealed record TemplatePreviewResult(string Subject, string TextBody, string? HtmlBody, JsonObject Model);
