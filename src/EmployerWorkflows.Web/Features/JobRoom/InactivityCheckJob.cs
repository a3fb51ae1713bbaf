using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Daily: finds back-payment requests whose filer has not used Job-Room for <c>JobRoom:InactivityMonths</c> or
/// has left the company (rule 4), and proposes the write-rights renewal to the UID's main administrator. Each
/// case is proposed once, in its own transaction.
/// </summary>
public sealed class InactivityCheckJob(
    AppDbContext db, IUidRegister register, JobRoomAccess access, WriteRightsProcedures procedures, TimeProvider clock, IOptions<JobRoomOptions> options,
    ILogger<InactivityCheckJob> logger)
{
    public const string RecurringId = "jobroom-inactivity-check";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddMonths(-options.Value.InactivityMonths);
        var due = await (from c in db.Set<BackPaymentCase>()
                         join a in db.Set<JobRoomAccount>() on c.FiledByAccountId equals a.Id
                         where c.RenewalProposedAt == null &&
                               (a.LeftCompanyAt != null || (a.LastUsedAt ?? a.ActivatedAt ?? a.RequestedAt) <= cutoff)
                         select c.Id).ToListAsync(ct);
        var proposed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            if (await ProposeAsync(id, now, ct)) proposed++;
        }
        return proposed;
    }

    private async Task<bool> ProposeAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var backPaymentCase = await db.Set<BackPaymentCase>().SingleAsync(c => c.Id == caseId, ct);
        var filer = await db.Set<JobRoomAccount>().SingleAsync(a => a.Id == backPaymentCase.FiledByAccountId, ct);
        if (await WriteRightsProcedures.RunningForAsync(db, backPaymentCase.Uid, ct))
        {
            // Someone already renews the rights of this UID; proposing again would only duplicate it.
            backPaymentCase.RenewalProposedAt = now;
        }
        else if (await access.MainAdministratorAsync(backPaymentCase.Uid, ct) is { } main)
        {
            var company = await register.FindAsync(SwissUid.Parse(backPaymentCase.Uid), ct)
                          ?? throw new InvalidOperationException($"UID {backPaymentCase.Uid} is no longer in the UID register.");
            var procedure = await procedures.OpenAsync(company, backPaymentCase, WorkflowActor.System, ct);
            await procedures.ProposeAsync(procedure, main, filer, filer.LeftCompanyAt is null ? "inactive" : "left", ct);
            backPaymentCase.RenewalProposedAt = now;
            backPaymentCase.RenewalInstanceId = procedure.InstanceId;
        }
        else
        {
            logger.LogWarning("Back-payment case {CaseId} of UID {Uid} needs a write-rights renewal but the UID has no active main administrator",
                caseId, backPaymentCase.Uid);
            return false;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return backPaymentCase.RenewalInstanceId is not null;
    }
}
