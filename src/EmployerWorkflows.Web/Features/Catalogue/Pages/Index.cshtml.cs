using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// «Avvia una pratica»: the procedures the person may start, the UIDs they hold a Job-Room account or request for
/// (each with its page), and for the SECO desk its inbox presets.
/// </summary>
[Authorize]
public sealed class IndexModel(ProcedureCatalogue catalogue, AppDbContext db) : PageModel
{
    public IReadOnlyList<CatalogueEntry> Entries { get; private set; } = [];
    public IReadOnlyList<DeskView> DeskViews { get; private set; } = [];
    public IReadOnlyList<string> Uids { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await catalogue.StartableAsync(User, ct);
        DeskViews = await catalogue.DeskViewsAsync(User, ct);
        var userId = User.UserId() ?? "";
        var uids = await db.Set<JobRoomAccount>().AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Uid).Distinct().ToListAsync(ct);
        Uids = uids.Order(StringComparer.Ordinal).Select(u => SwissUid.Parse(u).Display).ToList();
    }
}
