using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>The draft was changed by someone else since the editor loaded it.</summary>
public sealed class DraftConflictException(string definitionId, int currentRevision)
    : WorkflowException($"The draft of '{definitionId}' was saved by someone else meanwhile (revision {currentRevision}). Reload it before saving.")
{
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>A definition cannot be published because validation found errors.</summary>
public sealed class DefinitionInvalidException(string definitionId, IReadOnlyList<DefinitionError> errors)
    : WorkflowException($"'{definitionId}' has {errors.Count} error(s): " +
        string.Join(" ", errors.Take(5).Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

/// <summary>A stored version without its document, for lists.</summary>
public sealed record DefinitionVersionInfo(
    string DefinitionId,
    int Version,
    Persistence.DefinitionStatus Status,
    string TitleIt,
    string TitleEn,
    string ContentHash,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);

/// <summary>What <see cref="DefinitionStore.ImportDirectoryAsync"/> did with each file.</summary>
public sealed record ImportReport(
    IReadOnlyList<DefinitionVersionInfo> Imported,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ImportFailure> Failed);

/// <summary>A file that could not be imported, with its errors.</summary>
public sealed record ImportFailure(string File, IReadOnlyList<DefinitionError> Errors);
