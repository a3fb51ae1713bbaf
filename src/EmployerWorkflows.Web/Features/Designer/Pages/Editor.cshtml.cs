using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Designer.Pages;

[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class EditorModel(DefinitionOverview overview, DefinitionCatalogue catalogue) : PageModel
{
    public DefinitionSummary Definition { get; private set; } = null!;

    /// <summary>What the editor opens (see <see cref="DefinitionCatalogue.Opened"/>).</summary>
    public VersionView Opened { get; private set; } = null!;

    public string Json { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string definitionId, CancellationToken ct)
    {
        if (DefinitionCatalogue.Opened(await catalogue.VersionsAsync(definitionId, ct)) is not { } opened) return NotFound();
        Definition = (await overview.ListAsync(definitionId, ct)).Single();
        Opened = Definition.Versions.Single(v => v.Version == opened.Version);
        Json = opened.Json;
        return Page();
    }

    public object ScriptData => new
    {
        definitionId = Definition.DefinitionId,
        json = Json,
        draftRevision = Definition.Draft?.Revision,
        texts = DesignerTexts.Editor(),
    };
}
