using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>
/// Sends due outbox messages. A group of due messages is claimed with one conditional UPDATE under a token of this
/// run, so two nodes (or two overlapping runs) never send the same message; each message is then sent and its
/// outcome recorded at once: a failure schedules a retry with back-off and, after the last attempt, marks the
/// message failed. A claim that expires (the node died) is retaken by the next run on any node. A recipient gets
/// their messages in the order they were queued: a message waits while an older one to the same address is still
/// queued, since after an outage the younger ones, with shorter back-offs, would otherwise overtake it.
/// </summary>
public sealed class OutboxDispatcher(
    IWorkflowDbContextFactory dbFactory,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends what is due now; returns how many messages were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var options = outboxOptions.Value;
        var batch = Math.Max(1, options.BatchSize);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = dbFactory.CreateDbContext();
            var (due, token, until) = await ClaimGroupAsync(db, batch, options, cancellationToken);
            if (due == 0) break;
            // Even a short group goes round again: sending a message may have let the next one to the same recipient go.
            sent += await SendGroupAsync(db, token, until, options, cancellationToken);
        }
        return sent;
    }

    /// <summary>
    /// Claims are leases against a node that died mid-send, so they run on the machine's clock: the application
    /// clock says when a message is due, and may be moved (tests, simulations) while a send is in flight.
    /// </summary>
    private static DateTimeOffset LeaseNow() => DateTimeOffset.UtcNow;

    /// <summary>Claims up to <paramref name="batch"/> due messages in one statement; returns how many were due.</summary>
    private async Task<(int Due, string Token, DateTimeOffset Until)> ClaimGroupAsync(
        DbContext db, int batch, OutboxOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseNow = LeaseNow();
        var until = leaseNow + options.ClaimDuration;
        var token = $"{options.NodeId}:{Guid.NewGuid():N}";
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now
                        && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < leaseNow)
                        && !db.Set<OutboxMessage>().Any(older => older.To == m.To && older.Status == OutboxStatus.Queued
                                                                  && older.CreatedAt < m.CreatedAt))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batch)
            .ToListAsync(ct);
        if (due.Count == 0)
            return (0, token, until);
        // The conditions are repeated in the UPDATE: only rows nobody claimed in between become ours, and a message
        // another node has just failed waits for its back-off instead of being retried at once.
        await db.Set<OutboxMessage>()
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now
                        && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < leaseNow))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, token)
                .SetProperty(m => m.ClaimExpiresAt, until), ct);
        return (due.Count, token, until);
    }

    private async Task<int> SendGroupAsync(DbContext db, string token, DateTimeOffset until, OutboxOptions options, CancellationToken ct)
    {
        var messages = await db.Set<OutboxMessage>().Include(m => m.Attachments)
            .Where(m => m.ClaimedBy == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .ToListAsync(ct);
        // A send is started only while at least half of the lease is left, so no claim runs out mid-send and is
        // retaken by another node while this one still delivers it.
        var lastStart = until - options.ClaimDuration / 2;
        var sent = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (ct.IsCancellationRequested || LeaseNow() > lastStart)
            {
                await ReleaseAsync(db, token, messages.Skip(i).Select(m => m.Id).ToList());
                break;
            }
            if (await SendAsync(db, messages[i], options, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> SendAsync(DbContext db, OutboxMessage message, OutboxOptions options, CancellationToken ct)
    {
        message.Attempts++;
        message.ClaimedBy = null;
        message.ClaimExpiresAt = null;
        using var span = WorkflowTelemetry.Start("workflow.outbox.deliver", message.InstanceId);
        using var scope = WorkflowLogScope.Delivery(logger, message.MessageId, message.InstanceId);
        try
        {
            await transport.SendAsync(OutgoingMail.From(message), ct);
            WorkflowTelemetry.EmailDelivered();
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.LastError = $"{ex.GetType().Name}: {ex.Message}";
            WorkflowTelemetry.Failed(span, ex);
            WorkflowTelemetry.DeliveryFailed(final: message.Attempts >= options.MaxAttempts);
            if (message.Attempts >= options.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError("Email {MessageId} to {To} failed after {Attempts} attempts: {Error}",
                    message.MessageId, message.To, message.Attempts, message.LastError);
            }
            else
            {
                message.NextAttemptAt = clock.GetUtcNow() + options.DelayAfter(message.Attempts);
                logger.LogWarning("Email {MessageId} not delivered (attempt {Attempts}), retry at {Next}: {Error}",
                    message.MessageId, message.Attempts, message.NextAttemptAt, message.LastError);
            }
        }
        // Recorded at once, one message at a time: a crash after a send repeats at most that one message.
        await db.SaveChangesAsync(CancellationToken.None);
        return message.Status == OutboxStatus.Sent;
    }

    private static Task ReleaseAsync(DbContext db, string token, List<Guid> ids) =>
        db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
}
