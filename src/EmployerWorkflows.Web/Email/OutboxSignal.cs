using System.Data.Common;
using System.Runtime.CompilerServices;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmployerWorkflows.Web.Email;

/// <summary>
/// Starts delivery as soon as new mail is committed, instead of waiting for the next minute's sweep. It enqueues
/// after the commit (not at SaveChanges inside a transaction), so the job always finds the rows.
/// </summary>
internal sealed class OutboxSignal(IRuntimeJobScheduler jobs) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is not null && OutgoingEmails.AnyQueued(db))
            pending.AddOrUpdate(db, true);
    }

    private void SignalIfCommitted(DbContext? db)
    {
        if (db is not null && db.Database.CurrentTransaction is null) Signal(db);
    }

    private void Signal(DbContext? db)
    {
        if (db is null || !pending.Remove(db)) return;
        jobs.EnqueueOutboxDelivery();
    }
}
