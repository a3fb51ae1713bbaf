using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>Conditional updates of claimed timer rows: each acts only while the row is still ours and pending.</summary>
internal static class TimerRows
{
    public static async Task MarkFiredAsync(DbContext db, Guid timerId, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = await RowUpdates.MarkTimerFiredAsync(db, timerId, token, now, cancellationToken);
        if (updated == 0)
            throw new TimerClaimLostException(timerId);
    }

    public static Task SetStatusAsync(
        DbContext db, Guid timerId, string token, TimerStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        Ours(db, timerId, token)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.FiredAt, now), cancellationToken);

    public static Task ReleaseAsync(DbContext db, Guid timerId, string token, CancellationToken cancellationToken) =>
        Ours(db, timerId, token)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, (string?)null).SetProperty(t => t.ClaimExpiresAt, (DateTimeOffset?)null), cancellationToken);

    public static IQueryable<WorkflowTimer> Ours(DbContext db, Guid timerId, string token) =>
        db.Set<WorkflowTimer>().Where(t => t.Id == timerId && t.Status == TimerStatus.Pending && t.ClaimedBy == token);
}

/// <summary>The claim expired and another node took the timer; this node must not act on it.</summary>
internal sealed class TimerClaimLostException(Guid timerId) : Exception($"The claim on timer {timerId} was lost.");
