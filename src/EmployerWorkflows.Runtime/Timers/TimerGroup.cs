using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmployerWorkflows.Runtime.Timers;

/// <summary>
/// One unit of work and one transaction for a group of claimed timers, with a savepoint around each timer: a timer
/// that fails is rolled back to its savepoint alone, and what follows from its failure (an incident, a cancelled or
/// released row) is written in its place, so the other timers of the group still commit.
/// </summary>
internal sealed class TimerGroup : IAsyncDisposable
{
    private const string Savepoint = "timer";

    private TimerGroup(DbContext db, IDbContextTransaction transaction)
    {
        Db = db;
        Transaction = transaction;
    }

    public DbContext Db { get; }
    private IDbContextTransaction Transaction { get; }

    public static async Task<TimerGroup> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Savepoints are set here, one per timer; EF Core's own around each SaveChanges would double them.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new TimerGroup(db, await db.Database.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public Task BeginTimerAsync(CancellationToken cancellationToken) => Transaction.CreateSavepointAsync(Savepoint, cancellationToken);

    /// <summary>Keeps the timer's work in the group and forgets its entities, so each timer starts clean.</summary>
    public async Task EndTimerAsync(CancellationToken cancellationToken)
    {
        await Transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
        Db.ChangeTracker.Clear();
    }

    /// <summary>Undoes the current timer's work; on PostgreSQL this also clears the error state of the transaction.</summary>
    public static async Task RollBackTimerAsync(DbContext db)
    {
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.Database.CurrentTransaction!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
