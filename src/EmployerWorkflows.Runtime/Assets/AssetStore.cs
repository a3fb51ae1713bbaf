using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Assets;

/// <summary>
/// Email templates and forms as designers edit them: each save adds a revision (checked first, refused when stale),
/// and the newest revisions are laid over the shipped files in the catalogs — at once on this node, within
/// <see cref="Hosting.WorkflowRuntimeOptions.AssetRefreshInterval"/> on the others.
/// </summary>
public sealed class AssetStore(IWorkflowDbContextFactory contexts, FileTemplateCatalog templates, FileFormCatalog forms, TimeProvider time)
{
    /// <summary>The asset as it is in force now, with its shipped file and its latest revision.</summary>
    public async Task<AssetState> GetAsync(AssetKey key, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return State(key, await LatestAsync(db, key, cancellationToken));
    }

    /// <summary>Saved revisions, newest first.</summary>
    public async Task<IReadOnlyList<AssetRevisionInfo>> HistoryAsync(AssetKey key, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await Of(db, key).OrderByDescending(a => a.Revision)
            .Select(a => new AssetRevisionInfo(a.Revision, a.SavedAt, a.SavedBy, a.Source == null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a new text. <paramref name="expectedRevision"/> is the revision the editor loaded (0 when none was saved);
    /// a stale one is an <see cref="AssetConflictException"/>, a text the rules refuse an <see cref="AssetInvalidException"/>.
    /// </summary>
    public Task<AssetState> SaveAsync(AssetKey key, string source, int expectedRevision, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = AssetRules.Check(key, source, templates);
        if (errors.Count > 0)
            throw new AssetInvalidException(key, errors);
        return AddRevisionAsync(key, source, expectedRevision, userId, cancellationToken);
    }

    /// <summary>Puts the shipped file back in force; refused when no file ships, since the asset would vanish.</summary>
    public async Task<AssetState> RestoreFileAsync(AssetKey key, int expectedRevision, string? userId, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(key, cancellationToken);
        if (current.FileSource is null)
            throw new AssetInvalidException(key, [new("$", "no-shipped-file", $"No file ships for the {key}, so there is nothing to go back to.",
                $"Non esiste un file di partenza per «{key.Name}»: non c'è nulla da ripristinare.")]);
        if (current.Revision != expectedRevision)
            throw new AssetConflictException(key, current.Revision);
        return current.IsSaved ? await AddRevisionAsync(key, null, expectedRevision, userId, cancellationToken) : current;
    }

    /// <summary>The newest revision of every asset ever saved, for lists.</summary>
    public async Task<IReadOnlyList<SavedAsset>> ListSavedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await Newest(db)
            .Select(a => new SavedAsset(new AssetKey(a.Kind, a.Name, a.Language), a.Revision, a.SavedAt, a.SavedBy, a.Source != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One reload at a time, from reading to laying over: otherwise the periodic refresh could read just before a
    /// save commits and lay its older texts over the save's own reload, and the node would serve the previous
    /// text until the next refresh. Shared by every host of the process, which costs nothing but a short wait.
    /// </summary>
    private static readonly SemaphoreSlim ReloadGate = new(1, 1);

    /// <summary>Reads the newest revision of every asset and lays them over the files.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await ReloadGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = contexts.CreateDbContext();
            var newest = await Newest(db).Where(a => a.Source != null)
                .Select(a => new { a.Kind, a.Name, a.Language, a.Source })
                .ToListAsync(cancellationToken);
            templates.UseSaved(newest.Where(a => a.Kind == AssetKind.Template).ToDictionary(a => (a.Language, a.Name), a => a.Source!));
            forms.UseSaved(newest.Where(a => a.Kind == AssetKind.Form).ToDictionary(a => a.Name, a => a.Source!, StringComparer.Ordinal));
        }
        finally
        {
            ReloadGate.Release();
        }
    }

    private static IQueryable<WorkflowAsset> Newest(DbContext db)
    {
        var assets = db.Set<WorkflowAsset>().AsNoTracking();
        return assets.Where(a => a.Revision == assets.Where(b => b.Kind == a.Kind && b.Name == a.Name && b.Language == a.Language).Max(b => b.Revision));
    }

    private async Task<AssetState> AddRevisionAsync(AssetKey key, string? source, int expectedRevision, string? userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var latest = await LatestAsync(db, key, cancellationToken);
        var revision = latest?.Revision ?? 0;
        if (revision != expectedRevision)
            throw new AssetConflictException(key, revision);
        var now = time.GetUtcNow();
        var row = new WorkflowAsset
        {
            Id = Guid.CreateVersion7(now),
            Kind = key.Kind,
            Name = key.Name,
            Language = key.Language,
            Revision = revision + 1,
            Source = source,
            SavedAt = now,
            SavedBy = userId,
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor added this revision between our read and our write: the unique key refused ours.
            throw new AssetConflictException(key, revision + 1);
        }
        await ReloadAsync(cancellationToken);
        return State(key, row);
    }

    private AssetState State(AssetKey key, WorkflowAsset? latest)
    {
        var file = key.Kind == AssetKind.Template ? templates.FileSource(key.Name, key.Language) : forms.FileSource(key.Name);
        var saved = latest?.Source;
        return new AssetState(key, saved ?? file, file, latest?.Revision ?? 0, saved is not null, latest?.SavedAt, latest?.SavedBy);
    }

    private static Task<WorkflowAsset?> LatestAsync(DbContext db, AssetKey key, CancellationToken cancellationToken) =>
        Of(db, key).AsNoTracking().OrderByDescending(a => a.Revision).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<WorkflowAsset> Of(DbContext db, AssetKey key) =>
        db.Set<WorkflowAsset>().Where(a => a.Kind == key.Kind && a.Name == key.Name && a.Language == key.Language);
}
