using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>«Avvia una pratica»: the procedures the person may start, and for the SECO desk its inbox presets.</summary>
[Authorize]
public sealed class IndexModel(ProcedureCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CatalogueEntry> Entries { get; private set; } = [];
    public IReadOnlyList<DeskView> DeskViews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await catalogue.StartableAsync(User, ct);
        DeskViews = await catalogue.DeskViewsAsync(User, ct);
    }
}
