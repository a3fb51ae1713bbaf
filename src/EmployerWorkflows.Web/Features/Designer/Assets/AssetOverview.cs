using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>Where the text in force comes from.</summary>
public static class AssetOrigin
{
    /// <summary>A designer's saved revision.</summary>
    public const string Saved = "saved";
    /// <summary>The file shipped with the application.</summary>
    public const string File = "file";
    /// <summary>Neither: named by a definition but not written yet (or, for English, falling back to Italian).</summary>
    public const string Missing = "missing";
}

public sealed record AssetRow(string Origin, int Revision, DateTimeOffset? SavedAt, string? SavedBy);

public sealed record TemplateLanguageRow(string Language, AssetRow Status);

public sealed record TemplateRow(string Name, IReadOnlyList<TemplateLanguageRow> Languages);

public sealed record FormRow(string Id, string? Title, AssetRow Status);

/// <summary>Templates and forms with where each comes from; problems are saved or shipped forms that do not load.</summary>
public sealed record AssetList(IReadOnlyList<TemplateRow> Templates, IReadOnlyList<FormRow> Forms, IReadOnlyList<FormFileProblem> FormProblems);

/// <summary>Lists templates and forms for the designer: all of them, or those one definition version names.</summary>
public sealed class AssetOverview(AssetStore store, FileTemplateCatalog templates, FileFormCatalog forms, AppDbContext db)
{
    public async Task<AssetList> ListAsync(DefinitionAssets? only, CancellationToken ct)
    {
        var saved = (await store.ListSavedAsync(ct)).ToDictionary(s => s.Key);
        var savedBy = await PeopleNames.LoadAsync(db, saved.Values.Select(s => s.SavedBy), ct);

        AssetRow Row(AssetKey key, bool shipped) => saved.TryGetValue(key, out var s)
            ? new AssetRow(s.InForce ? AssetOrigin.Saved : shipped ? AssetOrigin.File : AssetOrigin.Missing, s.Revision, s.SavedAt, savedBy(s.SavedBy))
            : new AssetRow(shipped ? AssetOrigin.File : AssetOrigin.Missing, 0, null, null);

        var templateNames = only?.Templates ?? templates.Names();
        var templateRows = templateNames.Select(name => new TemplateRow(name, FileTemplateCatalog.SupportedLanguages
                .Select(language => new TemplateLanguageRow(language, Row(AssetKey.Template(name, language), templates.FileSource(name, language) is not null)))
                .ToList()))
            .ToList();
        var formIds = only?.Forms ?? forms.All.Select(f => f.Id)
            .Concat(saved.Keys.Where(k => k.Kind == AssetKind.Form).Select(k => k.Name))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var formRows = formIds.Select(id => new FormRow(id, forms.Get(id)?.Title.For(Lang.Code), Row(AssetKey.Form(id), forms.FileSource(id) is not null)))
            .ToList();
        return new AssetList(templateRows, formRows, forms.Problems);
    }
}
