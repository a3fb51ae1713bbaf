using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Outbox;

/// <summary>Queues email in the caller's unit of work: it is sent only if the caller's transaction commits.</summary>
internal static class OutboxQueue
{
    /// <summary>Adds the message to <paramref name="db"/> (no SaveChanges), fixing its Message-Id and times.</summary>
    public static OutboxMessage Enqueue(DbContext db, OutboxMessage message, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(message.MessageId))
            message.MessageId = $"{message.Id:N}@employerworkflows";
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        message.Status = OutboxStatus.Queued;
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
