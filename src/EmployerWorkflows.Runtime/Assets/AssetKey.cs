using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Assets;

/// <summary>Which asset: a template in one language, or a form (language empty).</summary>
public sealed record AssetKey(AssetKind Kind, string Name, string Language)
{
    public static AssetKey Template(string name, string language) => new(AssetKind.Template, name, language);

    public static AssetKey Form(string formId) => new(AssetKind.Form, formId, "");

    /// <summary>Readable in journal entries and messages, e.g. <c>template registration-approved (en)</c>.</summary>
    public override string ToString() => Kind == AssetKind.Template ? $"template {Name} ({Language})" : $"form {Name}";

    /// <summary>Names are kebab-case and languages supported ones, so every key can also be a shipped file.</summary>
    public bool IsWellFormed =>
        FileTemplateCatalog.IsValidName(Name) &&
        (Kind == AssetKind.Form ? Language == "" : FileTemplateCatalog.SupportedLanguages.Contains(Language));
}

/// <summary>
/// An asset as the editor sees it: the text in force and where it comes from, the shipped file's text, and the
/// revision to send back when saving (0 while nothing was ever saved).
/// </summary>
public sealed record AssetState(
    AssetKey Key,
    string? Source,
    string? FileSource,
    int Revision,
    bool IsSaved,
    DateTimeOffset? SavedAt,
    string? SavedBy)
{
    /// <summary>Neither shipped nor saved: saving creates it.</summary>
    public bool IsNew => Source is null;
}

/// <summary>The newest saved revision of an asset; <paramref name="InForce"/> is false when it restored the shipped file.</summary>
public sealed record SavedAsset(AssetKey Key, int Revision, DateTimeOffset SavedAt, string? SavedBy, bool InForce);

/// <summary>One saved revision, for the history of an asset.</summary>
public sealed record AssetRevisionInfo(int Revision, DateTimeOffset SavedAt, string? SavedBy, bool RestoredFile);

/// <summary>Someone else saved the asset since the editor loaded it; nothing was saved.</summary>
public sealed class AssetConflictException(AssetKey key, int currentRevision)
    : WorkflowException($"The {key} was saved by someone else meanwhile (revision {currentRevision}). Reload it before saving.")
{
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>The text cannot be used; nothing was saved.</summary>
public sealed class AssetInvalidException(AssetKey key, IReadOnlyList<DefinitionError> errors)
    : WorkflowException($"The {key} cannot be saved: " + string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
