using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Which renewal the caller may act on: the main administrator of the UID decides on a proposal, the responsible
/// person works the company steps, both (and SecoDesk where allowed) follow the correction deadline. Anyone else
/// gets null, which the endpoints answer with 404 so that a renewal's existence is not revealed.
/// </summary>
public sealed class WriteRightsAccess(AppDbContext db, JobRoomAccess access)
{
    public Task<WriteRightsProcedure?> FindAsync(Guid instanceId, CancellationToken ct) =>
        db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId, ct);

    public async Task<WriteRightsProcedure?> AsMainAdministratorAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct) =>
        await FindAsync(instanceId, ct) is { } procedure && await access.IsMainAdministratorAsync(user, procedure.Uid, ct) ? procedure : null;

    /// <summary>The renewal when the caller is its responsible person; company steps are theirs alone.</summary>
    public Task<WriteRightsProcedure?> AsRequesterAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? "";
        return db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId && p.RequesterUserId == userId, ct);
    }

    /// <summary>
    /// The renewal, once its correction deadline runs, when the caller is its responsible person or the UID's main
    /// administrator (or SecoDesk, if <paramref name="allowSecoDesk"/>).
    /// </summary>
    public async Task<WriteRightsProcedure?> AsDeadlineParticipantAsync(Guid instanceId, ClaimsPrincipal user, bool allowSecoDesk, CancellationToken ct)
    {
        var procedure = await FindAsync(instanceId, ct);
        if (procedure?.DeadlineInstanceId is null) return null;
        var allowed = procedure.RequesterUserId == (user.UserId() ?? "")
                      || (allowSecoDesk && JobRoomAccess.IsSecoDesk(user))
                      || await access.IsMainAdministratorAsync(user, procedure.Uid, ct);
        return allowed ? procedure : null;
    }
}
