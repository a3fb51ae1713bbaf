using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>
/// Rejects any SaveChanges that would modify or delete a journal row: the audit trail is append-only. Register it
/// with <see cref="JournalDbContextOptions.AddWorkflowRuntimeInterceptors"/>.
/// </summary>
public sealed class AppendOnlyJournalInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries<JournalEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new JournalAppendOnlyException(entry.Entity.Id, entry.State == EntityState.Deleted ? "deleted" : "modified");
        }
    }
}

/// <summary>Somebody tried to change or remove an audit trail row.</summary>
public sealed class JournalAppendOnlyException(long entryId, string what)
    : InvalidOperationException($"Journal entry {entryId} cannot be {what}: the journal is append-only.");

/// <summary>Registration of the runtime's EF Core interceptors on the host's DbContext options.</summary>
public static class JournalDbContextOptions
{
    private static readonly AppendOnlyJournalInterceptor Interceptor = new();

    /// <summary>Adds the append-only journal guard; call it where the host configures its DbContext.</summary>
    public static DbContextOptionsBuilder AddWorkflowRuntimeInterceptors(this DbContextOptionsBuilder options) =>
        options.AddInterceptors(Interceptor);

    /// <inheritdoc cref="AddWorkflowRuntimeInterceptors(DbContextOptionsBuilder)"/>
    public static DbContextOptionsBuilder<TContext> AddWorkflowRuntimeInterceptors<TContext>(this DbContextOptionsBuilder<TContext> options)
        where TContext : DbContext =>
        options.AddInterceptors(Interceptor);
}
