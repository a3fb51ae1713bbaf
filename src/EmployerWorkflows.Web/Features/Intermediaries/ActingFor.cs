using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermediaries;

/// <summary>An employer an intermediary may act for today.</summary>
public sealed record Employer(Guid Id, string Name, string CodiceFiscale);

/// <summary>The employer the intermediary acts for now, and the others they may switch to.</summary>
public sealed record ActingForView(Employer Current, IReadOnlyList<Employer> Employers);

/// <summary>
/// Which employer an intermediary acting for several is working for, shown in every page's header. The choice is a
/// cookie, but it is only a preference: the list is read from the delegations that hold now, on every request, so
/// a revoked or expired delegation drops out at once whatever the cookie says.
/// </summary>
public sealed class ActingFor(CompanyAccess access, AppDbContext db)
{
    public const string CookieName = "ew-acting-for";

    public async Task<ActingForView?> CurrentAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.UserId() is not { } userId) return null;
        var employers = await EmployersAsync(userId, ct);
        if (employers.Count == 0) return null;
        var chosen = Guid.TryParse(http.Request.Cookies[CookieName], out var id) ? employers.FirstOrDefault(e => e.Id == id) : null;
        return new ActingForView(chosen ?? employers[0], employers);
    }

    public async Task<IReadOnlyList<Employer>> EmployersAsync(string userId, CancellationToken ct)
    {
        var holding = access.HoldingDelegations(userId).Select(d => d.CompanyId);
        return await db.Set<Company>().AsNoTracking().Where(c => holding.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Employer(c.Id, c.Name, c.CodiceFiscale)).ToListAsync(ct);
    }

    /// <summary>Chooses the employer; null when no delegation of it holds (the caller answers 404).</summary>
    public async Task<Employer?> SwitchAsync(HttpContext http, Guid companyId, CancellationToken ct)
    {
        if (http.User.UserId() is not { } userId) return null;
        var employer = (await EmployersAsync(userId, ct)).FirstOrDefault(e => e.Id == companyId);
        if (employer is null) return null;
        http.Response.Cookies.Append(CookieName, companyId.ToString(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true, Path = "/",
        });
        return employer;
    }
}
