namespace EmployerWorkflows.Runtime.Assets;

/// <summary>What a designer can edit besides the definitions themselves.</summary>
public enum AssetKind { Template = 0, Form = 1 }

/// <summary>
/// One saved revision of an email template (in one language) or of a form. Rows are only ever added: the newest
/// revision of a key is what the catalogs use, laid over the shipped files, and the older ones are its history.
/// A revision without <see cref="Source"/> puts the shipped file back in force.
/// </summary>
internal sealed class WorkflowAsset
{
    public Guid Id { get; set; }
    public AssetKind Kind { get; set; }
    /// <summary>Template name or form id (kebab-case).</summary>
    public string Name { get; set; } = "";
    /// <summary><c>it</c> or <c>en</c> for templates; empty for forms.</summary>
    public string Language { get; set; } = "";
    /// <summary>1, 2, 3… per key; two saves of the same revision cannot both succeed.</summary>
    public int Revision { get; set; }
    /// <summary>The text in force from this revision on; null when the shipped file was restored.</summary>
    public string? Source { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string? SavedBy { get; set; }
}
