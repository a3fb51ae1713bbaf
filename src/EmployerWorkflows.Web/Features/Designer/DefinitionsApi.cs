using System.Text;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// Workflow definitions for process designers: versions, validation while typing, drafts with edit-conflict
/// detection, diff, publish, retire, roll back, import and export. Only ProcessDesigner changes anything;
/// operators may read. Every change is journaled. The store's refusals (a stale draft revision, a draft that does
/// not validate) are answered by the global exception handler (<see cref="DesignerProblems"/>).
/// </summary>
public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/definitions").WithTags("Process designer")
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner, Roles.Operator));
        var write = app.MapGroup("/api/definitions").WithTags("Process designer")
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        read.MapGet("/", ListAsync)
            .WithSummary("Definitions with their versions, who saved them, and running instances per version");
        read.MapGet("/schema", Schema)
            .WithSummary("JSON Schema of definition documents").WithDescription("What the editor completes against, with the registered operations and their inputs under `x-operations`; the runtime's validation adds the reference checks.");
        read.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync)
            .WithSummary("One version with its JSON document");
        read.MapGet("/{definitionId}/versions/{version:int}/diagram", DiagramAsync)
            .WithSummary("Mermaid state diagram of a version").WithDescription("`highlight` names a state to mark (the current one, or the one under the cursor).");
        read.MapGet("/{definitionId}/versions/{version:int}/export", ExportAsync)
            .WithSummary("Download a version as a file");
        read.MapGet("/{definitionId}/diff", DiffAsync)
            .WithSummary("Draft compared with the published version, line by line");
        read.MapPost("/validate", ValidateAsync)
            .Accepts<string>("application/json")
            .WithSummary("Validate a definition document").WithDescription("Send the JSON text as the body; answers every error with its JSON path, warnings that do not stop publishing (e.g. a task action without a title), and the diagram when it parses.");

        write.MapPut("/{definitionId}/draft", SaveDraftAsync)
            .WithSummary("Save the draft").WithDescription("Send the draft revision you loaded (none for a new draft); a stale revision gives 409 and saves nothing. " +
                             "An id the designer's pages use (assets) gives 400.");
        write.MapPost("/{definitionId}/publish", PublishAsync)
            .WithSummary("Publish the draft as a new version").WithDescription("Refused with the list of errors while validation fails. Running instances keep their version.");
        write.MapPost("/{definitionId}/versions/{version:int}/retire", RetireAsync)
            .WithSummary("Retire a version: no new instances start on it");
        write.MapPost("/{definitionId}/versions/{version:int}/rollback", RollBackAsync)
            .WithSummary("Start a new draft from an old version");
        write.MapPost("/import", ImportAsync)
            .DisableAntiforgery()
            .WithSummary("Import a definition file as the draft").WithDescription("Validation errors are returned but do not prevent saving a draft; they prevent publishing. " +
                             "An id the designer's pages use (assets) gives 400 and nothing is saved.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(DefinitionOverview overview, CancellationToken ct) =>
        TypedResults.Ok(await overview.ListAsync(null, ct));

    public static ContentHttpResult Schema(IEnumerable<IWorkflowOperation> operations) =>
        TypedResults.Text(EditorSchema.With(operations), "application/schema+json");

    public sealed record VersionRequest(string DefinitionId, int Version, DefinitionCatalogue Catalogue, CancellationToken Ct);

    public static async Task<Results<Ok<VersionView>, NotFound>> GetVersionAsync([AsParameters] VersionRequest r) =>
        await r.Catalogue.VersionAsync(r.DefinitionId, r.Version, r.Ct) is { } v
            ? TypedResults.Ok(VersionView.From(v, includeJson: true))
            : TypedResults.NotFound();

    public sealed record DiagramRequest(string DefinitionId, int Version, string? Highlight, DefinitionCatalogue Catalogue,
        IDefinitionValidator Validator, CancellationToken Ct);

    public static async Task<Results<ContentHttpResult, NotFound>> DiagramAsync([AsParameters] DiagramRequest r)
    {
        var json = (await r.Catalogue.VersionAsync(r.DefinitionId, r.Version, r.Ct))?.Json;
        var definition = json is null ? null : r.Validator.Validate(json).Definition;
        return definition is null ? TypedResults.NotFound() : TypedResults.Text(MermaidDiagram.For(definition, r.Highlight, Lang.Code), "text/plain");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync([AsParameters] VersionRequest r) =>
        await r.Catalogue.VersionAsync(r.DefinitionId, r.Version, r.Ct) is { } v
            ? TypedResults.File(Encoding.UTF8.GetBytes(v.Json), "application/json", $"{r.DefinitionId}.v{r.Version}.workflow.json")
            : TypedResults.NotFound();

    public static async Task<Results<Ok<DraftDiff>, NotFound>> DiffAsync(string definitionId, DefinitionCatalogue catalogue, CancellationToken ct)
    {
        var versions = await catalogue.VersionsAsync(definitionId, ct);
        var draft = versions.FirstOrDefault(v => v.Status == DefinitionStatus.Draft);
        var published = versions.Where(v => v.Status == DefinitionStatus.Published).MaxBy(v => v.Version);
        if (draft is null) return TypedResults.NotFound();
        return TypedResults.Ok(new DraftDiff(draft.Revision, published?.Version, TextDiff.Lines(published?.Json ?? "", draft.Json)));
    }

    public sealed record ValidateRequest(HttpRequest Request, IDefinitionValidator Validator);

    public static async Task<Ok<DefinitionCheck>> ValidateAsync([AsParameters] ValidateRequest r)
    {
        using var reader = new StreamReader(r.Request.Body, Encoding.UTF8);
        var check = r.Validator.Validate(await reader.ReadToEndAsync());
        return TypedResults.Ok(new DefinitionCheck(check.IsValid, DesignerError.Of(check.Errors), DesignerError.Of(check.Warnings),
            check.Definition is null ? null : MermaidDiagram.For(check.Definition, null, Lang.Code)));
    }

    public sealed record DraftRequest(string DefinitionId, [property: FromBody] DraftSave Body, HttpContext Http, DefinitionStore Store,
        AppDbContext Db, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Ok<DefinitionVersionInfo>, ValidationProblem>> SaveDraftAsync([AsParameters] DraftRequest r)
    {
        if (ReservedDefinitionIds.Refusal(r.DefinitionId) is { } reserved) return reserved;
        if (r.Body.Json is null)
            return new Validation.FieldErrors().Add("json", "Manca il testo della definizione.", "The definition text is missing.").ToProblem();
        var saved = await r.Store.SaveDraftAsync(r.DefinitionId, r.Body.Json, r.Body.ExpectedRevision, r.Http.User.UserId(), r.Ct);
        await JournalAsync(r.Db, r.Http, "definition.save-draft", $"Draft of {r.DefinitionId} saved (revision {saved.Revision}).", r.Clock, r.Ct);
        return TypedResults.Ok(saved);
    }

    public sealed record DefinitionChange(string DefinitionId, HttpContext Http, DefinitionStore Store, DefinitionCatalogue Catalogue,
        AppDbContext Db, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> PublishAsync([AsParameters] DefinitionChange r)
    {
        if (await r.Catalogue.DraftRevisionAsync(r.DefinitionId, r.Ct) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: Lang.T("Non c'è una bozza da pubblicare: salvala prima.", "There is no draft to publish: save it first."));
        var published = await r.Store.PublishAsync(r.DefinitionId, r.Http.User.UserId(), r.Ct);
        await JournalAsync(r.Db, r.Http, "definition.publish", $"{r.DefinitionId} published as version {published.Version}.", r.Clock, r.Ct);
        return TypedResults.Ok(published);
    }

    public sealed record VersionChange(string DefinitionId, int Version, HttpContext Http, DefinitionStore Store, DefinitionCatalogue Catalogue,
        AppDbContext Db, TimeProvider Clock, CancellationToken Ct);

    public static async Task<NoContent> RetireAsync([AsParameters] VersionChange r)
    {
        await r.Store.RetireAsync(r.DefinitionId, r.Version, r.Ct);
        await JournalAsync(r.Db, r.Http, "definition.retire", $"{r.DefinitionId} version {r.Version} retired.", r.Clock, r.Ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<DefinitionVersionInfo>, NotFound>> RollBackAsync([AsParameters] VersionChange r)
    {
        if (await r.Catalogue.VersionAsync(r.DefinitionId, r.Version, r.Ct) is not { } old) return TypedResults.NotFound();
        var saved = await r.Store.SaveDraftAsync(r.DefinitionId, old.Json, await r.Catalogue.DraftRevisionAsync(r.DefinitionId, r.Ct),
            r.Http.User.UserId(), r.Ct);
        await JournalAsync(r.Db, r.Http, "definition.rollback", $"Draft of {r.DefinitionId} reset to version {r.Version}.", r.Clock, r.Ct);
        return TypedResults.Ok(saved);
    }

    public sealed record ImportServices(HttpContext Http, DefinitionStore Store, DefinitionCatalogue Catalogue,
        IDefinitionValidator Validator, AppDbContext Db, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Ok<ImportedDraft>, ValidationProblem, ProblemHttpResult>> ImportAsync(IFormFile file, [AsParameters] ImportServices r)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var json = await reader.ReadToEndAsync(r.Ct);
        var check = r.Validator.Validate(json);
        if (check.Definition is null)
            return TypedResults.Problem(statusCode: 400, title: Lang.T("Il file non è una definizione leggibile.", "The file is not a readable definition."),
                extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(check.Errors) });
        var id = check.Definition.Id;
        if (ReservedDefinitionIds.Refusal(id) is { } reserved) return reserved;
        var saved = await r.Store.SaveDraftAsync(id, json, await r.Catalogue.DraftRevisionAsync(id, r.Ct), r.Http.User.UserId(), r.Ct);
        await JournalAsync(r.Db, r.Http, "definition.import", $"{file.FileName} imported as draft of {id}.", r.Clock, r.Ct);
        return TypedResults.Ok(new ImportedDraft(saved, DesignerError.Of(check.Errors)));
    }

    private static async Task JournalAsync(AppDbContext db, HttpContext http, string operation, string summary, TimeProvider clock, CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User), null, operation, summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

public sealed record DraftSave(string Json, int? ExpectedRevision);

/// <summary>The draft beside the newest published version, line by line.</summary>
public sealed record DraftDiff(int DraftRevision, int? PublishedVersion, IReadOnlyList<TextDiff.Line> Lines);

/// <summary>What validation found: errors stop publishing, warnings do not; the diagram when the document parses.</summary>
public sealed record DefinitionCheck(bool Valid, IReadOnlyList<DesignerError> Errors, IReadOnlyList<DesignerError> Warnings, string? Diagram);

/// <summary>An imported file saved as the draft, with the errors that will stop its publication.</summary>
public sealed record ImportedDraft(DefinitionVersionInfo Saved, IReadOnlyList<DesignerError> Errors);

public sealed record VersionView(string DefinitionId, int Version, string Status, string TitleIt, string TitleEn, int Revision,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? RetiredAt, string? Json, int RunningInstances = 0)
{
    public static VersionView From(DefinitionVersionView v, bool includeJson) => new(v.DefinitionId, v.Version, v.Status.ToString(),
        v.TitleIt, v.TitleEn, v.Revision, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.RetiredAt, includeJson ? v.Json : null);
}
