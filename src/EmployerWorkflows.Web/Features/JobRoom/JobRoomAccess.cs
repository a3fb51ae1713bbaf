using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Who may act on what: company people act only on the UIDs they hold an account for, the main administrator
/// decides for the UID, SecoDesk works the reviewer tasks and the register. Everyone else sees nothing.
/// </summary>
public sealed class JobRoomAccess(AppDbContext db)
{
    public static bool IsSecoDesk(ClaimsPrincipal user) => user.IsInRole(Roles.SecoDesk);

    public Task<JobRoomAccount?> AccountAsync(string uid, string userId, CancellationToken ct) =>
        db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Uid == uid && a.UserId == userId, ct);

    public Task<JobRoomAccount?> MainAdministratorAsync(string uid, CancellationToken ct) =>
        db.Set<JobRoomAccount>().Where(a => a.Uid == uid && a.IsMainAdministrator && a.Status == JobRoomAccountStatus.Active
                                            && a.LeftCompanyAt == null)
            .OrderBy(a => a.ActivatedAt).FirstOrDefaultAsync(ct);

    public async Task<bool> IsMainAdministratorAsync(ClaimsPrincipal user, string uid, CancellationToken ct) =>
        await MainAdministratorAsync(uid, ct) is { } main && main.UserId == (user.UserId() ?? "");
}
