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
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// Workflow definitions for process designers: versions, validation while typing, drafts with edit-conflict
/// detection, diff, publish, retire, roll back, import and export. Only ProcessDesigner changes anything;
/// operators may read. Every change is journaled.
/// </summary>
public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/definitions").WithTags("Process designer")
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner, Roles.Operator));
        var write = app.MapGroup("/api/definitions").WithTags("Process designer")
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        read.MapGet("/", async (DefinitionOverview overview, CancellationToken ct) => Results.Ok(await overview.ListAsync(null, ct)))
            .WithSummary("Definitions with their versions, who saved them, and running instances per version");
        read.MapGet("/schema", (IEnumerable<IWorkflowOperation> operations) => Results.Text(EditorSchema.With(operations), "application/schema+json"))
            .WithSummary("JSON Schema of definition documents").WithDescription("What the editor completes against, with the registered operations and their inputs under `x-operations`; the runtime's validation adds the reference checks.");
        read.MapGet("/{definitionId}/versions/{version:int}", async (string definitionId, int version, AppDbContext db, CancellationToken ct) =>
                await db.Set<WorkflowDefinitionVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version, ct)
                    is { } v ? Results.Ok(VersionView.From(v, includeJson: true)) : Results.NotFound())
            .WithSummary("One version with its JSON document");
        read.MapGet("/{definitionId}/versions/{version:int}/diagram", async (string definitionId, int version, string? highlight,
                AppDbContext db, IDefinitionValidator validator, CancellationToken ct) =>
            {
                var json = await JsonOf(db, definitionId, version, ct);
                var definition = json is null ? null : validator.Validate(json).Definition;
                return definition is null ? Results.NotFound() : Results.Text(MermaidDiagram.For(definition, highlight, Lang.Code), "text/plain");
            })
            .WithSummary("Mermaid state diagram of a version").WithDescription("`highlight` names a state to mark (the current one, or the one under the cursor).");
        read.MapGet("/{definitionId}/versions/{version:int}/export", async (string definitionId, int version, AppDbContext db, CancellationToken ct) =>
                await JsonOf(db, definitionId, version, ct) is { } json
                    ? Results.File(Encoding.UTF8.GetBytes(json), "application/json", $"{definitionId}.v{version}.workflow.json")
                    : Results.NotFound())
            .WithSummary("Download a version as a file");
        read.MapGet("/{definitionId}/diff", async (string definitionId, AppDbContext db, CancellationToken ct) =>
            {
                var versions = await db.Set<WorkflowDefinitionVersion>().AsNoTracking().Where(v => v.DefinitionId == definitionId).ToListAsync(ct);
                var draft = versions.FirstOrDefault(v => v.Status == DefinitionStatus.Draft);
                var published = versions.Where(v => v.Status == DefinitionStatus.Published).MaxBy(v => v.Version);
                if (draft is null) return Results.NotFound();
                return Results.Ok(new { draftRevision = draft.Revision, publishedVersion = published?.Version,
                    lines = TextDiff.Lines(published?.Json ?? "", draft.Json) });
            })
            .WithSummary("Draft compared with the published version, line by line");
        read.MapPost("/validate", async (HttpRequest request, IDefinitionValidator validator) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var check = validator.Validate(await reader.ReadToEndAsync());
                return Results.Ok(new { valid = check.IsValid, errors = DesignerError.Of(check.Errors), warnings = DesignerError.Of(check.Warnings),
                    diagram = check.Definition is null ? null : MermaidDiagram.For(check.Definition, null, Lang.Code) });
            })
            .Accepts<string>("application/json")
            .WithSummary("Validate a definition document").WithDescription("Send the JSON text as the body; answers every error with its JSON path, warnings that do not stop publishing (e.g. a task action without a title), and the diagram when it parses.");

        write.MapPut("/{definitionId}/draft", async (string definitionId, [FromBody] DraftSave request, HttpContext http,
                DefinitionStore store, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (ReservedDefinitionIds.Refusal(definitionId) is { } reserved) return reserved;
                if (request.Json is null)
                    return new Validation.FieldErrors().Add("json", "Manca il testo della definizione.", "The definition text is missing.").ToResult();
                try
                {
                    var saved = await store.SaveDraftAsync(definitionId, request.Json, request.ExpectedRevision, UserIdOf(http), ct);
                    await JournalAsync(db, http, "definition.save-draft", $"Draft of {definitionId} saved (revision {saved.Revision}).", clock, ct);
                    return Results.Ok(saved);
                }
                catch (DraftConflictException e)
                {
                    return Results.Problem(statusCode: 409,
                        title: Lang.T("Qualcun altro ha salvato questa bozza nel frattempo.", "Someone else saved this draft meanwhile."),
                        detail: Lang.T("Ricarica la bozza: le tue modifiche non sono state salvate.", "Reload the draft: your changes were not saved."),
                        extensions: new Dictionary<string, object?> { ["currentRevision"] = e.CurrentRevision });
                }
            })
            .WithSummary("Save the draft").WithDescription("Send the draft revision you loaded (none for a new draft); a stale revision gives 409 and saves nothing. " +
                             "An id the designer's pages use (assets) gives 400.")
            .ProducesValidationProblem();
        write.MapPost("/{definitionId}/publish", async (string definitionId, HttpContext http, DefinitionStore store, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
            {
                try
                {
                    var published = await store.PublishAsync(definitionId, UserIdOf(http), ct);
                    await JournalAsync(db, http, "definition.publish", $"{definitionId} published as version {published.Version}.", clock, ct);
                    return Results.Ok(published);
                }
                catch (DefinitionInvalidException e)
                {
                    return Results.Problem(statusCode: 400, title: Lang.T("La bozza contiene errori: non può essere pubblicata.", "The draft has errors and cannot be published."),
                        extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(e.Errors) });
                }
                catch (Runtime.Execution.WorkflowNotFoundException)
                {
                    return Results.Problem(statusCode: 404, title: Lang.T("Non c'è una bozza da pubblicare: salvala prima.", "There is no draft to publish: save it first."));
                }
            })
            .WithSummary("Publish the draft as a new version").WithDescription("Refused with the list of errors while validation fails. Running instances keep their version.");
        write.MapPost("/{definitionId}/versions/{version:int}/retire", async (string definitionId, int version, HttpContext http,
                DefinitionStore store, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                await store.RetireAsync(definitionId, version, ct);
                await JournalAsync(db, http, "definition.retire", $"{definitionId} version {version} retired.", clock, ct);
                return Results.NoContent();
            })
            .WithSummary("Retire a version: no new instances start on it");
        write.MapPost("/{definitionId}/versions/{version:int}/rollback", async (string definitionId, int version, HttpContext http,
                DefinitionStore store, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var json = await JsonOf(db, definitionId, version, ct);
                if (json is null) return Results.NotFound();
                var saved = await store.SaveDraftAsync(definitionId, json, await DraftRevisionAsync(db, definitionId, ct), UserIdOf(http), ct);
                await JournalAsync(db, http, "definition.rollback", $"Draft of {definitionId} reset to version {version}.", clock, ct);
                return Results.Ok(saved);
            })
            .WithSummary("Start a new draft from an old version");
        write.MapPost("/import", async (IFormFile file, HttpContext http, DefinitionStore store, IDefinitionValidator validator,
                AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                var json = await reader.ReadToEndAsync(ct);
                var check = validator.Validate(json);
                if (check.Definition is null)
                    return Results.Problem(statusCode: 400, title: Lang.T("Il file non è una definizione leggibile.", "The file is not a readable definition."),
                        extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(check.Errors) });
                if (ReservedDefinitionIds.Refusal(check.Definition.Id) is { } reserved) return reserved;
                var saved = await store.SaveDraftAsync(check.Definition.Id, json, await DraftRevisionAsync(db, check.Definition.Id, ct), UserIdOf(http), ct);
                await JournalAsync(db, http, "definition.import", $"{file.FileName} imported as draft of {check.Definition.Id}.", clock, ct);
                return Results.Ok(new { saved, errors = DesignerError.Of(check.Errors) });
            })
            .DisableAntiforgery()
            .WithSummary("Import a definition file as the draft").WithDescription("Validation errors are returned but do not prevent saving a draft; they prevent publishing. " +
                             "An id the designer's pages use (assets) gives 400 and nothing is saved.");
        return app;
    }

    private static Task<string?> JsonOf(AppDbContext db, string definitionId, int version, CancellationToken ct) =>
        db.Set<WorkflowDefinitionVersion>().AsNoTracking().Where(v => v.DefinitionId == definitionId && v.Version == version)
            .Select(v => v.Json).SingleOrDefaultAsync(ct);

    /// <summary>The revision of the current draft, so replacing it on purpose (roll back, import) is not taken for a conflict.</summary>
    private static Task<int?> DraftRevisionAsync(AppDbContext db, string definitionId, CancellationToken ct) =>
        db.Set<WorkflowDefinitionVersion>().AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Status == DefinitionStatus.Draft)
            .Select(v => (int?)v.Revision).SingleOrDefaultAsync(ct);

    private static string? UserIdOf(HttpContext http) => http.User.UserId();

    private static async Task JournalAsync(AppDbContext db, HttpContext http, string operation, string summary, TimeProvider clock, CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User), null, operation, summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

public sealed record DraftSave(string Json, int? ExpectedRevision);

public sealed record VersionView(string DefinitionId, int Version, string Status, string TitleIt, string TitleEn, int Revision,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? RetiredAt, string? Json, int RunningInstances = 0)
{
    public static VersionView From(WorkflowDefinitionVersion v, bool includeJson) => new(v.DefinitionId, v.Version, v.Status.ToString(),
        v.TitleIt, v.TitleEn, v.Revision, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.RetiredAt, includeJson ? v.Json : null);
}
