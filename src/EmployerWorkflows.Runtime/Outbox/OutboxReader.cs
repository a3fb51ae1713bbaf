using Microsoft.EntityFrameworkCore;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>An email addressed to a person, with its delivery status.</summary>
public sealed record SentEmail(Guid Id, string Subject, string To, OutboxStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    int Attempts, string TextBody);

/// <summary>Reads the outbox for the people it writes to; delivery stays with <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxReader(IWorkflowDbContextFactory contexts)
{
    /// <summary>The latest <paramref name="count"/> emails to one user, newest first.</summary>
    public async Task<IReadOnlyList<SentEmail>> ForRecipientAsync(string? userId, int count, CancellationToken ct = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RecipientUserId == userId)
            .OrderByDescending(m => m.CreatedAt).Take(count)
            .Select(m => new SentEmail(m.Id, m.Subject, m.To, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.TextBody)).ToListAsync(ct);
    }
}
