using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// Email templates read from <c>{root}/{it,en}/{name}.liquid</c>. A template exists when its Italian file
/// exists, because Italian is the language every other one falls back to. Files are read once and cached
/// until <see cref="Refresh"/>.
/// </summary>
public sealed partial class FileTemplateCatalog : ITemplateCatalog
{
    /// <summary>The default language and the fallback of all others.</summary>
    public const string DefaultLanguage = "it";

    private static readonly string[] Languages = [DefaultLanguage, "en"];

    private readonly string _root;
    private readonly ConcurrentDictionary<(string Language, string Name), string?> _sources = new();

    /// <param name="root">Folder holding the <c>it</c> and <c>en</c> subfolders, e.g. <c>workflows/templates</c>.</param>
    public FileTemplateCatalog(string root)
    {
        _root = Path.GetFullPath(root);
    }

    // Names become file names, so only kebab-case is accepted: nothing can escape the folder.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();

    /// <inheritdoc />
    public bool Exists(string name) => Read(DefaultLanguage, name) is not null;

    /// <inheritdoc />
    public string? GetSource(string name, string language) =>
        Read(Normalize(language), name) ?? Read(DefaultLanguage, name);

    /// <summary>Names of all templates (those with an Italian file), sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        var folder = Path.Combine(_root, DefaultLanguage);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.liquid")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(name => SafeName().IsMatch(name))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>Forgets cached files so that edited or added templates are read again.</summary>
    public void Refresh() => _sources.Clear();

    /// <summary>Maps a language tag such as <c>en-GB</c> to a supported language; anything else is Italian.</summary>
    public static string Normalize(string? language) =>
        Languages.FirstOrDefault(l => language?.StartsWith(l, StringComparison.OrdinalIgnoreCase) == true) ?? DefaultLanguage;

    private string? Read(string language, string name) =>
        SafeName().IsMatch(name)
            ? _sources.GetOrAdd((language, name), key =>
            {
                var file = Path.Combine(_root, key.Language, key.Name + ".liquid");
                return File.Exists(file) ? File.ReadAllText(file) : null;
            })
            : null;
}
