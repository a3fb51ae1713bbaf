using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets.Pages;

/// <summary>
/// What the template and form editors share: load the text in force with its revision, save it (the text stays on
/// the page whatever goes wrong), restore the shipped file, and show who saved what.
/// </summary>
public abstract class AssetEditorModel(AssetStore store, AssetCommands commands, AppDbContext db) : PageModel
{
    public AssetKey Key { get; protected set; } = null!;
    public AssetState State { get; private set; } = null!;
    /// <summary>Saved revisions, newest first, each with the name of who saved it.</summary>
    public IReadOnlyList<AssetRevisionInfo> History { get; private set; } = [];
    /// <summary>The text in the editor: the one in force, or the one just posted.</summary>
    public string Source { get; protected set; } = "";
    /// <summary>The revision the editor loaded; sent back when saving.</summary>
    public int Revision { get; protected set; }
    public IReadOnlyList<DesignerError> Errors { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? ProblemDetail { get; private set; }
    /// <summary>Someone saved meanwhile: their text, to compare with the one kept in the editor.</summary>
    public string? TheirSource { get; private set; }
    [TempData] public string? Message { get; set; }
    [FromQuery(Name = "definition")] public string? BackDefinition { get; set; }
    [FromQuery(Name = "version")] public int? BackVersion { get; set; }

    /// <summary>The list this editor was opened from.</summary>
    public string BackUrl => WithBack("/designer/assets");

    public string Here => WithBack(Request.Path);

    /// <summary>An address in the designer that still knows which definition version the designer came from.</summary>
    public string WithBack(string path) =>
        path + (BackDefinition is null ? "" : $"?definition={Uri.EscapeDataString(BackDefinition)}&version={BackVersion}");

    /// <summary>This page's address for a form button's handler, keeping the way back.</summary>
    public string HandlerUrl(string handler) => Here + (BackDefinition is null ? "?" : "&") + "handler=" + handler;

    /// <summary>The text a new asset starts from.</summary>
    protected abstract string Starter();

    protected async Task LoadAsync(string? posted, int? postedRevision, CancellationToken ct)
    {
        State = await store.GetAsync(Key, ct);
        var history = await store.HistoryAsync(Key, ct);
        var name = await PeopleNames.LoadAsync(db, history.Select(h => h.SavedBy), ct);
        History = history.Select(h => h with { SavedBy = name(h.SavedBy) }).ToList();
        Source = posted ?? State.Source ?? Starter();
        Revision = postedRevision ?? State.Revision;
    }

    protected async Task<IActionResult> SaveAsync(string? source, int revision, Func<Task<IActionResult>> show, CancellationToken ct)
    {
        var result = await commands.SaveAsync(Key, new AssetSave(source, revision), User, ct);
        if (result.Refusal is not { } refusal)
        {
            Message = T("Salvato: vale da subito per le nuove email e i nuovi compiti.", "Saved: it applies at once to new emails and tasks.");
            return Redirect(Here);
        }
        return await RefusedAsync(refusal, source, revision, show, ct);
    }

    protected async Task<IActionResult> RestoreAsync(string? source, int revision, Func<Task<IActionResult>> show, CancellationToken ct)
    {
        var result = await commands.RestoreFileAsync(Key, revision, User, ct);
        if (result.Refusal is not { } refusal)
        {
            Message = T("Ripristinato il file di partenza; le versioni salvate restano nella cronologia.", "The shipped file is back in force; saved versions stay in the history.");
            return Redirect(Here);
        }
        return await RefusedAsync(refusal, source, revision, show, ct);
    }

    private async Task<IActionResult> RefusedAsync(AssetRefusal refusal, string? source, int revision, Func<Task<IActionResult>> show,
        CancellationToken ct)
    {
        var conflict = refusal.StatusCode == StatusCodes.Status409Conflict;
        // After a conflict the editor moves to the newest revision: saving again, having seen theirs, replaces it.
        await LoadAsync(source ?? "", conflict ? null : revision, ct);
        Problem = refusal.Title;
        ProblemDetail = refusal.Detail;
        Errors = refusal.Errors;
        if (conflict)
        {
            TheirSource = State.Source;
            ProblemDetail = T("Le tue modifiche non sono state salvate e sono ancora qui. Sotto trovi la versione salvata: confrontale; se salvi di nuovo, la tua la sostituisce.",
                "Your changes were not saved and are still here. The saved version is below: compare them; saving again replaces it with yours.");
        }
        Response.StatusCode = refusal.StatusCode;
        return await show();
    }
}
