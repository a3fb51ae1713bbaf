using EmployerWorkflows.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Pages;

/// <summary>The companies the person acts for (every company for agency staff), searchable by codice fiscale or name.</summary>
[Authorize]
public sealed class CompaniesModel(AppDbContext db, CompanyAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Company> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = access.VisibleCompanyIds(User);
        var query = db.Set<Company>().AsNoTracking().Where(c => visible.Contains(c.Id));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            query = query.Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term));
        }
        Companies = await query.OrderBy(c => c.Name).Take(100).ToListAsync(ct);
    }
}
