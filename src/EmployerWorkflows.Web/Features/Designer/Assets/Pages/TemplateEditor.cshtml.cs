using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets.Pages;

/// <summary>
/// One email template in one language: edit the text, preview it on sample data (made from the variables the text
/// prints, editable), save, or restore the shipped file.
/// </summary>
[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class TemplateEditorModel(AssetStore store, AssetCommands commands, AppDbContext db, FileTemplateCatalog templates) : AssetEditorModel(store, commands, db)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sample data as JSON text, as the designer last left it.</summary>
    public string Sample { get; private set; } = "";
    public TemplatePreviewResult? Preview { get; private set; }
    public string? PreviewError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string language, CancellationToken ct)
    {
        if (!Use(name, language)) return NotFound();
        await LoadAsync(null, null, ct);
        return Show(null);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string name, string language, string? source, int revision, string? sample, CancellationToken ct)
    {
        if (!Use(name, language)) return NotFound();
        await LoadAsync(source ?? "", revision, ct);
        return Show(sample);
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, string language, string? source, int revision, string? sample, CancellationToken ct) =>
        Use(name, language) ? await SaveAsync(source, revision, () => Task.FromResult(Show(sample)), ct) : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string name, string language, string? source, int revision, string? sample, CancellationToken ct) =>
        Use(name, language) ? await RestoreAsync(source, revision, () => Task.FromResult(Show(sample)), ct) : NotFound();

    /// <summary>An English text starts as a copy of the Italian one, to translate; a new template as an empty skeleton.</summary>
    protected override string Starter() =>
        Key.Language != FileTemplateCatalog.DefaultLanguage && templates.OwnSource(Key.Name, FileTemplateCatalog.DefaultLanguage) is { } italian
            ? italian
            : "subject: \n---\n";

    private bool Use(string name, string language)
    {
        Key = AssetKey.Template(name, language);
        return Key.IsWellFormed;
    }

    private IActionResult Show(string? sample)
    {
        Sample = string.IsNullOrWhiteSpace(sample) ? TemplateSample.For(Source).ToJsonString(Indented) : sample;
        JsonObject? model;
        try
        {
            model = JsonNode.Parse(Sample) as JsonObject;
        }
        catch (JsonException e)
        {
            PreviewError = T($"I dati di esempio non sono JSON valido: {e.Message}", $"The sample data is not valid JSON: {e.Message}");
            return Page();
        }
        if (model is null)
        {
            PreviewError = T("I dati di esempio devono essere un oggetto JSON, tra graffe.", "The sample data must be a JSON object, in braces.");
            return Page();
        }
        var outcome = TemplatePreviewer.Render(new TemplatePreview(Source, Key.Language, model));
        Preview = outcome.Rendered;
        PreviewError = outcome.Problem;
        return Page();
    }
}
