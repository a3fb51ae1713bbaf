using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Versions;

public sealed partial class DefinitionStore
{
    /// <summary>
    /// Imports each <c>*.workflow.json</c> of <paramref name="folder"/> as a new published version when its content
    /// differs from every stored version of its id. Invalid or unreadable files are reported and skipped, so a bad
    /// file never stops the application from starting.
    /// </summary>
    public async Task<ImportReport> ImportDirectoryAsync(string folder, string? userId = null, CancellationToken cancellationToken = default)
    {
        var imported = new List<DefinitionVersionInfo>();
        var unchanged = new List<string>();
        var failed = new List<ImportFailure>();
        if (!Directory.Exists(folder))
            return new ImportReport(imported, unchanged, failed);

        foreach (var file in Directory.EnumerateFiles(folder, "*.workflow.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var json = await File.ReadAllTextAsync(file, cancellationToken);
                var check = validator.Validate(json);
                if (!check.IsValid)
                {
                    failed.Add(new ImportFailure(file, check.Errors));
                    continue;
                }
                var row = await ImportAsync(check.Definition!, json, userId, cancellationToken);
                if (row is null)
                    unchanged.Add(file);
                else
                    imported.Add(row);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
            {
                failed.Add(new ImportFailure(file, [new DefinitionError("$", "import-failed", $"The file could not be imported: {e.Message}", $"Non è stato possibile importare il file: {e.Message}")]));
            }
        }
        return new ImportReport(imported, unchanged, failed);
    }

    private async Task<DefinitionVersionInfo?> ImportAsync(WorkflowDefinition definition, string json, string? userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var hash = Hash(json);
        if (await db.Set<WorkflowDefinitionVersion>().AnyAsync(v => v.DefinitionId == definition.Id && v.ContentHash == hash, cancellationToken))
            return null;
        var now = time.GetUtcNow();
        var row = new WorkflowDefinitionVersion
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = definition.Id,
            Version = await NextVersionAsync(db, definition.Id, cancellationToken),
            Status = DefinitionStatus.Published,
            Json = json,
            ContentHash = hash,
            TitleIt = definition.Title.It,
            TitleEn = definition.Title.En,
            CreatedAt = now,
            CreatedBy = userId,
            PublishedAt = now,
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        cache.InvalidateLatest(definition.Id);
        return Info(row);
    }
}
