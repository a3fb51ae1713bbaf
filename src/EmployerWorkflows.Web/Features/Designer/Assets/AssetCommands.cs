using System.Security.Claims;
using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>What a designer sends to save a template or form: the text and the revision loaded (0 when none was saved).</summary>
public sealed record AssetSave(string? Source, int Revision);

/// <summary>An asset as the API answers it.</summary>
public sealed record AssetView(string Kind, string Name, string? Language, string? Source, string? FileSource, int Revision,
    bool Saved, DateTimeOffset? SavedAt, string? SavedBy)
{
    public static AssetView From(AssetState s) => new(s.Key.Kind == AssetKind.Template ? "template" : "form", s.Key.Name,
        s.Key.Kind == AssetKind.Template ? s.Key.Language : null, s.Source, s.FileSource, s.Revision, s.IsSaved, s.SavedAt, s.SavedBy);
}

/// <summary>
/// Saving and restoring templates and forms, answered as HTTP results so the API returns them as they are and the
/// pages read them back (<see cref="PageOutcome"/>). Every change is journaled; refusals change nothing.
/// </summary>
public sealed class AssetCommands(AssetStore store, AppDbContext db, TimeProvider clock)
{
    public Task<IResult> SaveAsync(AssetKey key, AssetSave request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(key, T("Il testo contiene errori: non è stato salvato.", "The text has errors and was not saved."), async () =>
        {
            var saved = await store.SaveAsync(key, request.Source ?? "", request.Revision, user.UserId(), ct);
            await JournalAsync(user, "asset.save", $"{key} saved (revision {saved.Revision}).", ct);
            return saved;
        });

    public Task<IResult> RestoreFileAsync(AssetKey key, int revision, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(key, T("Non si può ripristinare.", "It cannot be restored."), async () =>
        {
            var restored = await store.RestoreFileAsync(key, revision, user.UserId(), ct);
            if (restored.Revision != revision)
                await JournalAsync(user, "asset.restore-file", $"{key} back to its shipped file (revision {restored.Revision}).", ct);
            return restored;
        });

    /// <summary>The findings of a refused save, as <see cref="SaveAsync"/> answers them.</summary>
    public static IReadOnlyList<DesignerError> Errors(IResult result) =>
        result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult p && p.ProblemDetails.Extensions.TryGetValue("errors", out var errors)
            ? errors as IReadOnlyList<DesignerError> ?? []
            : [];

    /// <summary>Runs a change and answers it: the asset as it now is, or why nothing changed.</summary>
    private static async Task<IResult> RunAsync(AssetKey key, string invalidTitle, Func<Task<AssetState>> change)
    {
        try
        {
            return Results.Ok(AssetView.From(await change()));
        }
        catch (AssetInvalidException e)
        {
            return Invalid(e, invalidTitle);
        }
        catch (AssetConflictException e)
        {
            return Conflict(e);
        }
    }

    private static IResult Invalid(AssetInvalidException e, string title) =>
        Results.Problem(statusCode: 400, title: title, extensions: new Dictionary<string, object?>
        {
            ["errors"] = e.Errors.Select(error => new DesignerError(error.Path, error.Code, AssetText.Message(error))).ToList(),
        });

    private static IResult Conflict(AssetConflictException e) =>
        Results.Problem(statusCode: 409,
            title: T("Qualcun altro ha salvato questo testo nel frattempo.", "Someone else saved this text meanwhile."),
            detail: T("Le tue modifiche non sono state salvate: confrontale con la versione salvata e riprova.",
                "Your changes were not saved: compare them with the saved version and try again."),
            extensions: new Dictionary<string, object?> { ["currentRevision"] = e.CurrentRevision });

    private async Task JournalAsync(ClaimsPrincipal user, string operation, string summary, CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, WorkflowActors.From(user), null, operation, summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
