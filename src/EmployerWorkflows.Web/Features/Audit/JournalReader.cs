using System.Security.Claims;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Audit;

/// <summary>
/// The only way the web reads the journal: every page of entries comes out projected through the reader's rights
/// (<see cref="JournalAudience"/>). Filtering may leave a page shorter than asked; <see cref="JournalPage.NextBefore"/>
/// still continues where the stored page ended.
/// </summary>
public sealed class JournalReader(JournalQueries queries, AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The roles that may read any person's trail (rule 44) read every entry whole.</summary>
    private static readonly string[] WholeTrailRoles = [Roles.AgencyReviewer, Roles.HelpDesk, Roles.Operator];

    private (ClaimsPrincipal Reader, JournalAudience Audience)? known;

    public async Task<JournalPage> ForCompanyAsync(ClaimsPrincipal reader, Guid companyId, long? before, CancellationToken ct) =>
        Projected(await AudienceAsync(reader, ct), await queries.ForCompanyAsync(companyId, before, PageSize, ct));

    public async Task<JournalPage> ForUserAsync(ClaimsPrincipal reader, string userId, long? before, CancellationToken ct) =>
        Projected(await AudienceAsync(reader, ct), await queries.ForUserAsync(userId, before, PageSize, ct));

    /// <summary>The latest <paramref name="count"/> entries of a procedure, newest first, as the reader may see them.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ForInstanceAsync(ClaimsPrincipal reader, Guid instanceId, int count, CancellationToken ct) =>
        (await AudienceAsync(reader, ct)).Project((await queries.ForInstanceAsync(instanceId, null, count, ct)).Entries);

    private static JournalPage Projected(JournalAudience audience, JournalPage page) =>
        new(audience.Project(page.Entries), page.NextBefore);

    /// <summary>Worked out once per request (the service is scoped): a page of procedures reads many histories.</summary>
    public async Task<JournalAudience> AudienceAsync(ClaimsPrincipal reader, CancellationToken ct)
    {
        if (known is { } k && ReferenceEquals(k.Reader, reader))
            return k.Audience;
        var audience = await LoadAsync(reader, ct);
        known = (reader, audience);
        return audience;
    }

    private async Task<JournalAudience> LoadAsync(ClaimsPrincipal reader, CancellationToken ct)
    {
        if (WholeTrailRoles.Any(reader.IsInRole))
            return JournalAudience.Agency;
        var userId = reader.UserId() ?? "";
        var members = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Active).Select(m => m.CompanyId).ToListAsync(ct);
        // A registration the person submitted is theirs until the company is active; then memberships decide.
        var registering = await db.Set<Company>().AsNoTracking()
            .Where(c => c.SubmittedByUserId == userId && c.Status != CompanyStatus.Active).Select(c => c.Id).ToListAsync(ct);
        // Job-Room procedures belong to a UID register entry: its active account holders are its people, and the
        // first account of a UID, still waiting for its power of attorney, has nobody else's data to see.
        var jobRoom = await db.Set<JobRoomAccount>().AsNoTracking()
            .Where(a => a.UserId == userId && ((a.Status == JobRoomAccountStatus.Active && a.LeftCompanyAt == null)
                                               || a.Status == JobRoomAccountStatus.AwaitingPowerOfAttorney))
            .Select(a => a.RegisterEntryId).ToListAsync(ct);
        // SecoDesk works the Swiss procedures: the whole Job-Room trail, nothing of the Italian companies' people.
        var secoDesk = JobRoomAccess.IsSecoDesk(reader)
            ? await db.Set<UidRegisterEntry>().AsNoTracking().Select(e => e.Id).ToListAsync(ct)
            : [];
        return JournalAudience.CompanyPerson(userId, members.Concat(registering).Concat(jobRoom).Concat(secoDesk));
    }
}
