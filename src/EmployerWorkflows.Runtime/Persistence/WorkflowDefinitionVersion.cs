namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// One stored version of a definition document. Drafts are edited in place (guarded by <see cref="Revision"/>);
/// a published version never changes, so instances pinned to it keep their behaviour.
/// </summary>
internal sealed class WorkflowDefinitionVersion
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    /// <summary>Version number, 1-based, assigned at publication; drafts hold 0.</summary>
    public int Version { get; set; }
    public DefinitionStatus Status { get; set; }
    public string Json { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of <see cref="Json"/>.</summary>
    public string ContentHash { get; set; } = "";
    public string TitleIt { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>Concurrency token of a draft: saving with a stale revision is a conflict.</summary>
    public int Revision { get; set; }
}

public enum DefinitionStatus { Draft = 0, Published = 1, Retired = 2 }
