using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>
/// Sends due outbox messages. Each message is first claimed with a conditional update, so two nodes (or two
/// overlapping runs) never send the same message; a failure schedules a retry with back-off and, after the last
/// attempt, marks the message failed. A send that succeeds is recorded at once with its time. A recipient gets their
/// messages in the order they were queued: a message waits while an older one to the same address is still queued,
/// since after an outage the younger ones, with shorter back-offs, would otherwise overtake it.
/// </summary>
public sealed class OutboxDispatcher(
    IWorkflowDbContextFactory dbFactory,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<MailOptions> mailOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends what is due now; returns how many messages were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var options = outboxOptions.Value;
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ids = await DueIdsAsync(options.BatchSize, cancellationToken);
            if (ids.Count == 0) break;
            var claimedAny = false;
            foreach (var id in ids)
            {
                if (!await TryClaimAsync(id, options, cancellationToken)) continue;
                claimedAny = true;
                if (await SendClaimedAsync(id, options, cancellationToken)) sent++;
            }
            // Sending a message may have let the next one to the same recipient go: look again while work gets done.
            if (!claimedAny) break;
        }
        return sent;
    }

    /// <summary>
    /// Claims are leases against a node that died mid-send, so they run on the machine's clock: the application
    /// clock says when a message is due, and may be moved (tests, simulations) while a send is in flight.
    /// </summary>
    private static DateTimeOffset LeaseNow() => DateTimeOffset.UtcNow;

    private async Task<List<Guid>> DueIdsAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseNow = LeaseNow();
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now
                        && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < leaseNow)
                        && !db.Set<OutboxMessage>().Any(older => older.To == m.To && older.Status == OutboxStatus.Queued
                                                                  && older.CreatedAt < m.CreatedAt))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batch)
            .ToListAsync(ct);
    }

    private async Task<bool> TryClaimAsync(Guid id, OutboxOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseNow = LeaseNow();
        var until = leaseNow + options.ClaimDuration;
        await using var db = dbFactory.CreateDbContext();
        var claimed = await db.Set<OutboxMessage>()
            // Due-ness is checked again: the id list may be stale, and a message another node just failed
            // must wait for its back-off instead of being retried at once.
            .Where(m => m.Id == id && m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now
                        && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < leaseNow))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, options.NodeId)
                .SetProperty(m => m.ClaimExpiresAt, until), ct);
        return claimed == 1;
    }

    private async Task<bool> SendClaimedAsync(Guid id, OutboxOptions options, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).SingleAsync(m => m.Id == id, ct);
        message.Attempts++;
        message.ClaimedBy = null;
        message.ClaimExpiresAt = null;
        try
        {
            await transport.SendAsync(OutboxMime.ToMime(message, mailOptions.Value), ct);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.LastError = $"{ex.GetType().Name}: {ex.Message}";
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
        await db.SaveChangesAsync(CancellationToken.None);
        return message.Status == OutboxStatus.Sent;
    }
}
