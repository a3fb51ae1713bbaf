using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer.Pages;

[Authorize(Roles = Roles.ProcessDesigner)]
public sealed class EditorModel(DefinitionOverview overview, AppDbContext db) : PageModel
{
    public DefinitionSummary Definition { get; private set; } = null!;

    /// <summary>What the editor opens: the draft, else the latest published version, else the newest one.</summary>
    public VersionView Opened { get; private set; } = null!;

    public string Json { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string definitionId, CancellationToken ct)
    {
        if ((await overview.ListAsync(definitionId, ct)).SingleOrDefault() is not { } definition) return NotFound();
        Definition = definition;
        Opened = definition.Draft ?? definition.LatestPublished ?? definition.Versions[0];
        Json = await db.Set<WorkflowDefinitionVersion>().AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Version == Opened.Version)
            .Select(v => v.Json).FirstAsync(ct);
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
