using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Designer.Assets.Pages;

/// <summary>One form of human tasks: edit its JSON, see it as the task page will show it, save, or restore the shipped file.</summary>
[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class FormEditorModel(AssetStore store, AssetCommands commands, AppDbContext db) : AssetEditorModel(store, commands, db)
{
    /// <summary>The form as parsed from the text in the editor; null when it has errors.</summary>
    public FormDefinition? PreviewForm { get; private set; }
    public IReadOnlyList<DefinitionError> PreviewErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Use(id)) return NotFound();
        await LoadAsync(null, null, ct);
        return Show();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string id, string? source, int revision, CancellationToken ct)
    {
        if (!Use(id)) return NotFound();
        await LoadAsync(source ?? "", revision, ct);
        return Show();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, string? source, int revision, CancellationToken ct) =>
        Use(id) ? await SaveAsync(source, revision, () => Task.FromResult(Show()), ct) : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string id, string? source, int revision, CancellationToken ct) =>
        Use(id) ? await RestoreAsync(source, revision, () => Task.FromResult(Show()), ct) : NotFound();

    protected override string Starter() => $$"""
        {
          "id": "{{Key.Name}}",
          "title": { "it": "Titolo del modulo", "en": "Form title" },
          "fields": [
            {
              "name": "note",
              "label": { "it": "Note", "en": "Notes" },
              "type": "multiline",
              "required": false
            }
          ]
        }
        """;

    private bool Use(string id)
    {
        Key = AssetKey.Form(id);
        return Key.IsWellFormed;
    }

    private IActionResult Show()
    {
        var check = FormDefinitionParser.Parse(Source);
        PreviewForm = check.IsValid ? check.Form : null;
        PreviewErrors = check.Errors;
        return Page();
    }
}
