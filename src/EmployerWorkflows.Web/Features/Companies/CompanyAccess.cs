using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermediaries;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>
/// What a user may do for a company: agency staff see every company; a person acts only for companies where
/// an active membership says so, and within the units their profiles cover. A suspended membership gives
/// nothing, whichever identity provider the person logged in with (rule 43): rights follow the person's
/// codice fiscale, not the login. An intermediary sees the company while a delegation of it holds (accepted, not
/// revoked, not past its last day), and acts only on the procedures it covers.
/// </summary>
public sealed class CompanyAccess(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] AgencyRoles = [Roles.AgencyReviewer, Roles.HelpDesk, Roles.SecoDesk, Roles.Operator];

    public static bool IsAgency(ClaimsPrincipal user) => AgencyRoles.Any(user.IsInRole);

    /// <summary>Null when the user has no rights on the company (callers answer 404: no hint that it exists).</summary>
    public async Task<CompanyRights?> ForAsync(ClaimsPrincipal user, Guid companyId, CancellationToken ct = default)
    {
        var userId = user.UserId();
        if (userId is null) return null;
        if (IsAgency(user))
            return await db.Set<Company>().AnyAsync(c => c.Id == companyId, ct) ? new CompanyRights(companyId, true, null) : null;
        var membership = await db.Set<Membership>().AsNoTracking().Include(m => m.Profiles)
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == userId, ct);
        if (membership is { CanAct: true }) return new CompanyRights(companyId, false, membership);
        var delegation = await HoldingDelegations(userId).FirstOrDefaultAsync(d => d.CompanyId == companyId, ct);
        return delegation is null ? null : new CompanyRights(companyId, false, null, delegation);
    }

    /// <summary>The delegations through which the user acts for employers today, newest first.</summary>
    public IQueryable<Delegation> HoldingDelegations(string userId)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.Set<Delegation>().AsNoTracking()
            .Where(d => d.Status == DelegationStatus.Active && d.ExpiresOn >= today)
            .Where(d => db.Set<Intermediary>().Any(i => i.Id == d.IntermediaryId && i.UserId == userId))
            .OrderByDescending(d => d.InvitedAt);
    }

    /// <summary>Companies the user acts for (all of them for agency staff), as ids.</summary>
    public IQueryable<Guid> VisibleCompanyIds(ClaimsPrincipal user)
    {
        if (IsAgency(user)) return db.Set<Company>().Select(c => c.Id);
        var userId = user.UserId() ?? "";
        return db.Set<Membership>().Where(m => m.UserId == userId && m.Status == MembershipStatus.Active).Select(m => m.CompanyId);
    }
}

/// <summary>The rights of one user on one company.</summary>
public sealed record CompanyRights(Guid CompanyId, bool IsAgency, Membership? Membership, Delegation? Delegation = null)
{
    /// <summary>Whether the user may act on the company's procedure: always for its people, within scope for an intermediary.</summary>
    public bool CoversProcedure(string definitionId) => IsAgency || Membership is { CanAct: true } || Delegation?.Covers(definitionId) == true;

    public bool IsAdministrator => Membership is { Kind: MembershipKind.Administrator, CanAct: true };

    /// <summary>Agency staff and administrators manage the company's structure and people.</summary>
    public bool CanManage => IsAgency || IsAdministrator;

    /// <summary>Whether a group-level profile, or one on this unit, covers the unit.</summary>
    public bool CoversUnit(Guid unitId) =>
        CanManage || Membership?.Profiles.Any(p => p.UnitId is null || p.UnitId == unitId) == true;
}
