using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Runs a SECO command in one transaction: the domain change, the workflow steps and the journal commit together.
/// A runtime refusal is thrown, rolls everything back, and the global exception handler answers it (404/409/400).
/// </summary>
public sealed class JobRoomSteps(AppDbContext db, IWorkflowEngine engine)
{
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    public Task<WorkflowResult> FireAsync(FireTrigger command, CancellationToken ct) =>
        InTransactionAsync(() => engine.FireAsync(db, command, ct), ct);

    /// <summary>
    /// Fires the command <paramref name="store"/> returns after adding something to the unit of work (an upload),
    /// so that the upload is rolled back with a refused step. With <paramref name="saveFirst"/> it is saved before the
    /// step runs, for email activities that attach it.
    /// </summary>
    public Task<WorkflowResult> FireAfterAsync(Func<FireTrigger> store, bool saveFirst, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var command = store();
            if (saveFirst) await db.SaveChangesAsync(ct);
            return await engine.FireAsync(db, command, ct);
        }, ct);
}
