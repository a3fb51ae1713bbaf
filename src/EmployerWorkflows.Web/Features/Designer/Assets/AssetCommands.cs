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

/// <summary>Why a save or restore changed nothing: 400 with the findings, or 409 with the revision someone else saved.</summary>
public sealed record AssetRefusal(int StatusCode, string Title, string? Detail, IReadOnlyList<DesignerError> Errors, int? CurrentRevision);

/// <summary>What a save or restore came to: the asset as it now is, or the refusal.</summary>
public sealed record AssetChange(AssetView? Asset, AssetRefusal? Refusal)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>
/// Saving and restoring templates and forms, for the API and the editor pages alike. Every change is journaled;
/// refusals change nothing and come back as an <see cref="AssetRefusal"/>.
/// </summary>
public sealed class AssetCommands(AssetStore store, AppDbContext db, TimeProvider clock)
{
    public Task<AssetChange> SaveAsync(AssetKey key, AssetSave request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(T("Il testo contiene errori: non è stato salvato.", "The text has errors and was not saved."), async () =>
        {
            var saved = await store.SaveAsync(key, request.Source ?? "", request.Revision, user.UserId(), ct);
            await JournalAsync(user, "asset.save", $"{key} saved (revision {saved.Revision}).", ct);
            return saved;
        });

    public Task<AssetChange> RestoreFileAsync(AssetKey key, int revision, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(T("Non si può ripristinare.", "It cannot be restored."), async () =>
        {
            var restored = await store.RestoreFileAsync(key, revision, user.UserId(), ct);
            if (restored.Revision != revision)
                await JournalAsync(user, "asset.restore-file", $"{key} back to its shipped file (revision {restored.Revision}).", ct);
            return restored;
        });

    /// <summary>Runs a change: the store's refusals are the designer's to fix, so they are answered, not raised.</summary>
    private static async Task<AssetChange> RunAsync(string invalidTitle, Func<Task<AssetState>> change)
    {
        try
        {
            return new AssetChange(AssetView.From(await change()), null);
        }
        catch (AssetInvalidException e)
        {
            return new AssetChange(null, new AssetRefusal(StatusCodes.Status400BadRequest, invalidTitle, null,
                e.Errors.Select(error => new DesignerError(error.Path, error.Code, AssetText.Message(error))).ToList(), null));
        }
        catch (AssetConflictException e)
        {
            return new AssetChange(null, new AssetRefusal(StatusCodes.Status409Conflict,
                T("Qualcun altro ha salvato questo testo nel frattempo.", "Someone else saved this text meanwhile."),
                T("Le tue modifiche non sono state salvate: confrontale con la versione salvata e riprova.",
                    "Your changes were not saved: compare them with the saved version and try again."),
                [], e.CurrentRevision));
        }
    }

    private async Task JournalAsync(ClaimsPrincipal user, string operation, string summary, CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, WorkflowActors.From(user), null, operation, summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
