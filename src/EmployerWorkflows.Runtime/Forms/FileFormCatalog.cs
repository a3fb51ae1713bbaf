using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Forms;

/// <summary>A form file that could not be loaded, and why.</summary>
/// <param name="File">File name, e.g. <c>company-review.form.json</c>.</param>
public sealed record FormFileProblem(string File, DefinitionError Error);

/// <summary>
/// Forms: the shipped files <c>{folder}/*.form.json</c>, with the versions designers saved (<see cref="UseSaved"/>)
/// laid over them. Files are loaded on first use and again after <see cref="Refresh"/>; a broken file is left out
/// of the catalog and listed in <see cref="Problems"/>, so definitions naming it fail validation with
/// <c>unknown-form</c> instead of failing at run time.
/// </summary>
public sealed class FileFormCatalog : IFormCatalog
{
    /// <summary>Suffix of form files.</summary>
    public const string FileSuffix = ".form.json";

    private readonly string _folder;
    private volatile Lazy<Snapshot> _snapshot;
    private volatile IReadOnlyDictionary<string, string> _saved = new Dictionary<string, string>();

    /// <param name="folder">Folder of the form files, e.g. <c>workflows/forms</c>.</param>
    public FileFormCatalog(string folder)
    {
        _folder = Path.GetFullPath(folder);
        _snapshot = new Lazy<Snapshot>(Load);
    }

    /// <summary>All valid forms, ordered by id.</summary>
    public IReadOnlyList<FormDefinition> All => _snapshot.Value.Forms.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    /// <summary>Files that could not be loaded, with the errors found in them.</summary>
    public IReadOnlyList<FormFileProblem> Problems => _snapshot.Value.Problems;

    /// <inheritdoc />
    public bool Exists(string formId) => _snapshot.Value.Forms.ContainsKey(formId);

    /// <summary>The form with this id, or null when there is none (or its file is broken).</summary>
    public FormDefinition? Get(string formId) => _snapshot.Value.Forms.GetValueOrDefault(formId);

    /// <inheritdoc />
    public FormDefinition? Find(string formId) => Get(formId);

    /// <summary>The shipped file's JSON text; null when no file ships for this id.</summary>
    public string? FileSource(string formId)
    {
        if (!Templates.FileTemplateCatalog.IsValidName(formId))
            return null;
        var file = Path.Combine(_folder, formId + FileSuffix);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>Reads the folder again on next use, picking up added, edited and removed files.</summary>
    public void Refresh() => _snapshot = new Lazy<Snapshot>(Load);

    /// <summary>
    /// Replaces the saved versions laid over the files, keyed by form id: the newest revision of each form that has
    /// one. A form missing here uses its file again.
    /// </summary>
    public void UseSaved(IReadOnlyDictionary<string, string> saved)
    {
        // Called on every refresh: parse the forms again only when something changed.
        if (saved.Count == _saved.Count && saved.All(s => _saved.TryGetValue(s.Key, out var current) && current == s.Value))
            return;
        _saved = saved;
        Refresh();
    }

    private Snapshot Load()
    {
        var forms = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        var problems = new List<FormFileProblem>();
        var sources = Directory.Exists(_folder)
            ? Directory.EnumerateFiles(_folder, "*" + FileSuffix)
                .ToDictionary(file => Path.GetFileName(file)[..^FileSuffix.Length], file => File.ReadAllText(file), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, saved) in _saved)
        {
            sources[id] = saved;
        }

        foreach (var (expectedId, text) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var fileName = expectedId + FileSuffix;
            var check = FormDefinitionParser.Parse(text);
            problems.AddRange(check.Errors.Select(error => new FormFileProblem(fileName, error)));
            if (check.Form is not { } form)
            {
                continue;
            }

            if (form.Id != expectedId)
            {
                problems.Add(new FormFileProblem(fileName, new DefinitionError("$.id", "form-id-mismatch",
                    $"The form id \"{form.Id}\" differs from the file name; rename the file to {form.Id}{FileSuffix} or set \"id\": \"{expectedId}\".",
                    $"L'id del modulo \"{form.Id}\" è diverso dal nome del file: rinomina il file in {form.Id}{FileSuffix} o imposta \"id\": \"{expectedId}\".")));
                continue;
            }

            forms[form.Id] = form;
        }

        return new Snapshot(forms, problems);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, FormDefinition> Forms, IReadOnlyList<FormFileProblem> Problems);
}
