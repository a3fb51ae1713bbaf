using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Versions;

public sealed partial class DefinitionStore
{
    /// <summary>
    /// Creates or updates the draft of a definition. <paramref name="expectedRevision"/> is the revision the editor
    /// loaded (null or 0 for a new draft); a stale one is a <see cref="DraftConflictException"/>.
    /// </summary>
    public async Task<DefinitionVersionInfo> SaveDraftAsync(
        string definitionId, string json, int? expectedRevision, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var draft = await db.Set<WorkflowDefinitionVersion>()
            .FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Status == DefinitionStatus.Draft, cancellationToken);
        var parsed = validator.Validate(json).Definition;
        if (draft is null)
        {
            if (expectedRevision is > 0)
                throw new DraftConflictException(definitionId, 0);
            draft = new WorkflowDefinitionVersion
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                DefinitionId = definitionId,
                Version = 0,
                Status = DefinitionStatus.Draft,
                CreatedAt = time.GetUtcNow(),
                CreatedBy = userId,
            };
            db.Add(draft);
        }
        else if (expectedRevision != draft.Revision)
        {
            throw new DraftConflictException(definitionId, draft.Revision);
        }
        draft.Json = json;
        // The version names whoever saved it last: the person to ask about it.
        draft.CreatedBy = userId ?? draft.CreatedBy;
        draft.ContentHash = Hash(json);
        draft.TitleIt = parsed?.Title.It ?? definitionId;
        draft.TitleEn = parsed?.Title.En ?? definitionId;
        draft.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || draft.Revision == 1)
        {
            // Another editor saved (or created the draft) between our read and our write.
            throw new DraftConflictException(definitionId, draft.Revision - 1);
        }
        return Info(draft);
    }

    /// <summary>
    /// Publishes the draft as the next version, only if the validator reports no error
    /// (<see cref="DefinitionInvalidException"/> otherwise).
    /// </summary>
    public async Task<DefinitionVersionInfo> PublishAsync(string definitionId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var draft = await db.Set<WorkflowDefinitionVersion>()
            .FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Status == DefinitionStatus.Draft, cancellationToken)
            ?? throw new Execution.WorkflowNotFoundException($"'{definitionId}' has no draft to publish.");
        var check = validator.Validate(draft.Json);
        if (!check.IsValid)
            throw new DefinitionInvalidException(definitionId, check.Errors);
        if (check.Definition!.Id != definitionId)
            throw new DefinitionInvalidException(definitionId,
                [new("$.id", "id-mismatch", $"The document's id is '{check.Definition.Id}'; it must be '{definitionId}'.",
                    $"L'id del documento è '{check.Definition.Id}'; deve essere '{definitionId}'.")]);
        var next = await NextVersionAsync(db, definitionId, cancellationToken);
        draft.Version = next;
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAt = time.GetUtcNow();
        draft.CreatedBy ??= userId;
        await db.SaveChangesAsync(cancellationToken);
        cache.InvalidateLatest(definitionId);
        return Info(draft);
    }

    /// <summary>Retires a published version: no new instance starts on it; running ones continue.</summary>
    public async Task RetireAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Set<WorkflowDefinitionVersion>()
            .FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version && v.Status == DefinitionStatus.Published, cancellationToken)
            ?? throw new Execution.WorkflowNotFoundException($"Version {version} of '{definitionId}' is not published.");
        row.Status = DefinitionStatus.Retired;
        row.RetiredAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.InvalidateLatest(definitionId);
    }

    private static async Task<int> NextVersionAsync(DbContext db, string definitionId, CancellationToken cancellationToken) =>
        (await db.Set<WorkflowDefinitionVersion>()
            .Where(v => v.DefinitionId == definitionId)
            .MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
}
