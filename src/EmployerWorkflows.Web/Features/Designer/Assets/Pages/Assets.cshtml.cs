using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets.Pages;

/// <summary>
/// Templates and forms: all of them, or those one version of a definition names (<c>?definition=&amp;version=</c>),
/// each with where its text comes from; names a definition uses but nobody wrote yet are shown as missing.
/// </summary>
[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class AssetsModel(AssetOverview overview, DefinitionCatalogue catalogue) : PageModel
{
    public AssetList Assets { get; private set; } = null!;
    /// <summary>The version whose assets are listed; null when listing all.</summary>
    public DefinitionVersionView? Version { get; private set; }
    public string? NewName { get; private set; }
    public string? NewNameError { get; private set; }

    public string VersionTitle => Version is null ? "" : Lang.IsEnglish ? Version.TitleEn : Version.TitleIt;

    /// <summary>Query string that brings an editor page back to this list.</summary>
    public string Back => Version is null ? "" : $"?definition={Uri.EscapeDataString(Version.DefinitionId)}&version={Version.Version}";

    public async Task<IActionResult> OnGetAsync(string? definition, int? version, CancellationToken ct)
    {
        if (definition is not null)
        {
            var versions = await catalogue.VersionsAsync(definition, ct);
            Version = version is { } n ? versions.FirstOrDefault(v => v.Version == n) : DefinitionCatalogue.Opened(versions);
            if (Version is null) return NotFound();
        }
        Assets = await overview.ListAsync(Version is null ? null : DefinitionAssets.Of(Version.Json), ct);
        return Page();
    }

    /// <summary>Opens the editor of a new template or form, once the name is usable.</summary>
    public async Task<IActionResult> OnGetNewAsync(string? kind, string? name, string? definition, int? version, CancellationToken ct)
    {
        NewName = name?.Trim();
        if (NewName is { Length: > 0 } && FileTemplateCatalog.IsValidName(NewName))
            return Redirect(kind == "form"
                ? $"/designer/assets/forms/{NewName}"
                : $"/designer/assets/templates/{NewName}/{FileTemplateCatalog.DefaultLanguage}");
        NewNameError = T("Indica un nome in minuscolo con trattini, es. promemoria-documenti.",
            "Give a name in lower case with hyphens, e.g. documents-reminder.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await OnGetAsync(definition, version, ct);
    }

    public static string OriginText(AssetRow row) => row.Origin switch
    {
        AssetOrigin.Saved => T($"modificato (rev. {row.Revision})", $"edited (rev. {row.Revision})"),
        AssetOrigin.File => T("file di partenza", "shipped file"),
        _ => T("manca", "missing"),
    };
}
