using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

        group.MapGet("/templates", ListTemplatesAsync)
            .WithSummary("Email templates, each language with where its text comes from (saved, shipped file, missing)");
        group.MapGet("/templates/{name}/{language}", GetTemplateAsync)
            .WithSummary("A template in one language: the text in force, the shipped file's text and the revision to save on");
        group.MapPut("/templates/{name}/{language}", SaveTemplateAsync)
            .WithSummary("Save a template")
            .WithDescription("Send the text (first line `subject: ...`, a line `---`, the body) and the revision you loaded (0 for a new one). " +
                "Refused with the errors when the Liquid does not parse or render, or when English comes before Italian; a stale revision gives 409.");
        group.MapDelete("/templates/{name}/{language}", RestoreTemplateAsync)
            .WithSummary("Put the shipped file back in force").WithDescription("`revision` is the one you loaded; the saved revisions stay in the history.");
        group.MapGet("/templates/{name}/{language}/history", TemplateHistoryAsync)
            .WithSummary("Saved revisions of a template, newest first");
        group.MapPost("/templates/preview", Preview)
            .WithSummary("Render a template text on sample data")
            .WithDescription("Send the text being edited and, optionally, a model; without one, every variable the text prints gets a sample value. Nothing is saved or sent.");

        group.MapGet("/forms", ListForms).WithSummary("Forms of human tasks");
        group.MapGet("/forms/{id}", GetFormAsync)
            .WithSummary("A form: the JSON in force, the shipped file's JSON and the revision to save on");
        group.MapPut("/forms/{id}", SaveFormAsync)
            .WithSummary("Save a form").WithDescription("Checked like the shipped files (form schema, unique fields, id unchanged); a stale revision gives 409.");
        group.MapDelete("/forms/{id}", RestoreFormAsync)
            .WithSummary("Put the shipped form file back in force");
        group.MapGet("/forms/{id}/history", FormHistoryAsync)
            .WithSummary("Saved revisions of a form, newest first");

        group.MapGet("/definitions/{definitionId}/versions/{version:int}/assets", VersionAssetsAsync)
            .WithSummary("Templates and forms a version names, with where each comes from");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateRow>>> ListTemplatesAsync(AssetOverview overview, CancellationToken ct) =>
        TypedResults.Ok((await overview.ListAsync(null, ct)).Templates);

    public sealed record TemplateRead(string Name, string Language, AssetStore Store, CancellationToken Ct);

    public static Task<Results<Ok<AssetView>, NotFound>> GetTemplateAsync([AsParameters] TemplateRead r) =>
        ReadAsync(AssetKey.Template(r.Name, r.Language), r.Store, r.Ct);

    public static async Task<Ok<IReadOnlyList<AssetRevisionInfo>>> TemplateHistoryAsync([AsParameters] TemplateRead r) =>
        TypedResults.Ok(await r.Store.HistoryAsync(AssetKey.Template(r.Name, r.Language), r.Ct));

    public sealed record TemplateSaveRequest(string Name, string Language, [property: FromBody] AssetSave Body, HttpContext Http,
        AssetCommands Commands, CancellationToken Ct);

    public static async Task<Results<Ok<AssetView>, ProblemHttpResult>> SaveTemplateAsync([AsParameters] TemplateSaveRequest r) =>
        Answer(await r.Commands.SaveAsync(AssetKey.Template(r.Name, r.Language), r.Body, r.Http.User, r.Ct));

    public sealed record TemplateRestoreRequest(string Name, string Language, int Revision, HttpContext Http, AssetCommands Commands,
        CancellationToken Ct);

    public static async Task<Results<Ok<AssetView>, ProblemHttpResult>> RestoreTemplateAsync([AsParameters] TemplateRestoreRequest r) =>
        Answer(await r.Commands.RestoreFileAsync(AssetKey.Template(r.Name, r.Language), r.Revision, r.Http.User, r.Ct));

    public static Results<Ok<TemplatePreviewResult>, ProblemHttpResult> Preview([FromBody] TemplatePreview request)
    {
        var outcome = TemplatePreviewer.Render(request);
        return outcome.Rendered is { } rendered
            ? TypedResults.Ok(rendered)
            : TypedResults.Problem(statusCode: 400, title: Lang.T("Il modello non si può usare.", "The template cannot be used."), detail: outcome.Problem);
    }

    public static Ok<IReadOnlyList<FormDefinition>> ListForms(FileFormCatalog forms) => TypedResults.Ok(forms.All);

    public sealed record FormRead(string Id, AssetStore Store, CancellationToken Ct);

    public static Task<Results<Ok<AssetView>, NotFound>> GetFormAsync([AsParameters] FormRead r) => ReadAsync(AssetKey.Form(r.Id), r.Store, r.Ct);

    public static async Task<Ok<IReadOnlyList<AssetRevisionInfo>>> FormHistoryAsync([AsParameters] FormRead r) =>
        TypedResults.Ok(await r.Store.HistoryAsync(AssetKey.Form(r.Id), r.Ct));

    public sealed record FormSaveRequest(string Id, [property: FromBody] AssetSave Body, HttpContext Http, AssetCommands Commands,
        CancellationToken Ct);

    public static async Task<Results<Ok<AssetView>, ProblemHttpResult>> SaveFormAsync([AsParameters] FormSaveRequest r) =>
        Answer(await r.Commands.SaveAsync(AssetKey.Form(r.Id), r.Body, r.Http.User, r.Ct));

    public sealed record FormRestoreRequest(string Id, int Revision, HttpContext Http, AssetCommands Commands, CancellationToken Ct);

    public static async Task<Results<Ok<AssetView>, ProblemHttpResult>> RestoreFormAsync([AsParameters] FormRestoreRequest r) =>
        Answer(await r.Commands.RestoreFileAsync(AssetKey.Form(r.Id), r.Revision, r.Http.User, r.Ct));

    public sealed record VersionAssetsRequest(string DefinitionId, int Version, DefinitionCatalogue Catalogue, AssetOverview Overview,
        CancellationToken Ct);

    public static async Task<Results<Ok<AssetList>, NotFound>> VersionAssetsAsync([AsParameters] VersionAssetsRequest r) =>
        await r.Catalogue.VersionAsync(r.DefinitionId, r.Version, r.Ct) is { } v
            ? TypedResults.Ok(await r.Overview.ListAsync(DefinitionAssets.Of(v.Json), r.Ct))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<AssetView>, NotFound>> ReadAsync(AssetKey key, AssetStore store, CancellationToken ct)
    {
        if (!key.IsWellFormed) return TypedResults.NotFound();
        var state = await store.GetAsync(key, ct);
        return state.IsNew && state.Revision == 0 ? TypedResults.NotFound() : TypedResults.Ok(AssetView.From(state));
    }

    /// <summary>The asset as it now is, or the refusal as a problem: 400 with the errors, 409 with the current revision.</summary>
    private static Results<Ok<AssetView>, ProblemHttpResult> Answer(AssetChange change) => change.Refusal switch
    {
        null => TypedResults.Ok(change.Asset!),
        { CurrentRevision: { } current } refusal => TypedResults.Problem(statusCode: refusal.StatusCode, title: refusal.Title, detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["currentRevision"] = current }),
        var refusal => TypedResults.Problem(statusCode: refusal.StatusCode, title: refusal.Title, detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = refusal.Errors }),
    };
}
