using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Forms;

/// <summary>A form file that could not be loaded, and why.</summary>
/// <param name="File">File name, e.g. <c>company-review.form.json</c>.</param>
public sealed record FormFileProblem(string File, DefinitionError Error);

/// <summary>
/// Forms read from <c>{folder}/*.form.json</c>. Files are loaded on first use and again after
/// <see cref="Refresh"/>; a broken file is left out of the catalog and listed in <see cref="Problems"/>,
/// so definitions naming it fail validation with <c>unknown-form</c> instead of failing at run time.
/// </summary>
public sealed class FileFormCatalog : IFormCatalog
{
    /// <summary>Suffix of form files.</summary>
    public const string FileSuffix = ".form.json";

    private readonly string _folder;
    private Lazy<Snapshot> _snapshot;

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

    /// <summary>Reads the folder again on next use, picking up added, edited and removed files.</summary>
    public void Refresh() => _snapshot = new Lazy<Snapshot>(Load);

    private Snapshot Load()
    {
        var forms = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        var problems = new List<FormFileProblem>();
        if (!Directory.Exists(_folder))
        {
            return new Snapshot(forms, problems);
        }

        foreach (var file in Directory.EnumerateFiles(_folder, "*" + FileSuffix).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var check = FormDefinitionParser.Parse(File.ReadAllText(file));
            problems.AddRange(check.Errors.Select(error => new FormFileProblem(fileName, error)));
            if (check.Form is not { } form)
            {
                continue;
            }

            var expectedId = fileName[..^FileSuffix.Length];
            if (form.Id != expectedId)
            {
                problems.Add(new FormFileProblem(fileName, new DefinitionError("$.id", "form-id-mismatch",
                    $"The form id \"{form.Id}\" differs from the file name; rename the file to {form.Id}{FileSuffix} or set \"id\": \"{expectedId}\".")));
                continue;
            }

            forms[form.Id] = form;
        }

        return new Snapshot(forms, problems);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, FormDefinition> Forms, IReadOnlyList<FormFileProblem> Problems);
}
