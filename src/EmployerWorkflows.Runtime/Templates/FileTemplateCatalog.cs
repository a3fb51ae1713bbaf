using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// Email templates: the shipped files <c>{root}/{it,en}/{name}.liquid</c>, with the versions designers saved
/// (<see cref="UseSaved"/>) laid over them. A template exists when it has an Italian text, because Italian is the
/// language every other one falls back to. Files are read once and cached until <see cref="Refresh"/>.
/// </summary>
public sealed partial class FileTemplateCatalog : ITemplateCatalog
{
    /// <summary>The default language and the fallback of all others.</summary>
    public const string DefaultLanguage = "it";

    private static readonly string[] Languages = [DefaultLanguage, "en"];

    private readonly string _root;
    private readonly ConcurrentDictionary<(string Language, string Name), string?> _sources = new();
    private volatile IReadOnlyDictionary<(string Language, string Name), string> _saved =
        new Dictionary<(string Language, string Name), string>();

    /// <param name="root">Folder holding the <c>it</c> and <c>en</c> subfolders, e.g. <c>workflows/templates</c>.</param>
    public FileTemplateCatalog(string root)
    {
        _root = Path.GetFullPath(root);
    }

    // Names become file names, so only kebab-case is accepted: nothing can escape the folder.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();

    /// <inheritdoc />
    public bool Exists(string name) => OwnSource(name, DefaultLanguage) is not null;

    /// <inheritdoc />
    public string? GetSource(string name, string language) =>
        OwnSource(name, Normalize(language)) ?? OwnSource(name, DefaultLanguage);

    /// <summary>The text in force for exactly this language (saved, else shipped), without falling back to Italian.</summary>
    public string? OwnSource(string name, string language) =>
        SafeName().IsMatch(name) && Languages.Contains(language)
            ? _saved.GetValueOrDefault((language, name)) ?? ReadFile(language, name)
            : null;

    /// <summary>The shipped file's text for exactly this language; null when no file ships.</summary>
    public string? FileSource(string name, string language) =>
        SafeName().IsMatch(name) && Languages.Contains(language) ? ReadFile(language, name) : null;

    /// <summary>Whether a name can be a template: kebab-case, so it can also be a file name.</summary>
    public static bool IsValidName(string name) => SafeName().IsMatch(name);

    /// <summary>The supported languages, Italian first.</summary>
    public static IReadOnlyList<string> SupportedLanguages => Languages;

    /// <summary>Names of all templates (those with an Italian text, shipped or saved), sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        var folder = Path.Combine(_root, DefaultLanguage);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.liquid").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            : [];
        return files.Concat(_saved.Keys.Where(k => k.Language == DefaultLanguage).Select(k => k.Name))
            .Where(name => SafeName().IsMatch(name))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Replaces the saved versions laid over the files, keyed by language and name. Callers pass the newest revision
    /// of each template that has one; a name missing here uses its file again.
    /// </summary>
    public void UseSaved(IReadOnlyDictionary<(string Language, string Name), string> saved) => _saved = saved;

    /// <summary>Forgets cached files so that edited or added templates are read again.</summary>
    public void Refresh() => _sources.Clear();

    /// <summary>Maps a language tag such as <c>en-GB</c> to a supported language; anything else is Italian.</summary>
    public static string Normalize(string? language) =>
        Languages.FirstOrDefault(l => language?.StartsWith(l, StringComparison.OrdinalIgnoreCase) == true) ?? DefaultLanguage;

    private string? ReadFile(string language, string name) =>
        _sources.GetOrAdd((language, name), key =>
        {
            var file = Path.Combine(_root, key.Language, key.Name + ".liquid");
            return File.Exists(file) ? File.ReadAllText(file) : null;
        });
}
