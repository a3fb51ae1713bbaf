using System.ComponentModel;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// <c>jobroom.activateAccount</c>: the power of attorney was verified or the main administrator approved. The
/// first account activated for a UID becomes its main administrator (rule 2). Renewals of the same person waiting
/// for this account go on to the eService login in the same transaction, however the approval was given.
/// </summary>
public sealed class ActivateAccountOperation(IServiceScopeFactory scopes, IOptions<JobRoomOptions> options, TimeProvider clock)
    : WorkflowOperation<ActivateAccountOperation.Input>
{
    public sealed record Input([Description("The requested Job-Room account.")] Guid AccountId);

    public override string Name => "jobroom.activateAccount";
    public override string Description => "Activates a requested Job-Room account; the first one of a UID becomes its main administrator.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var account = await AccountOperations.LoadAsync(context, input.AccountId, cancellationToken);
        var hasMain = await context.Db.Set<JobRoomAccount>().AnyAsync(a =>
            a.Uid == account.Uid && a.Id != account.Id && a.IsMainAdministrator && a.Status == JobRoomAccountStatus.Active && a.LeftCompanyAt == null,
            cancellationToken);
        account.Status = JobRoomAccountStatus.Active;
        account.IsMainAdministrator = !hasMain;
        account.ActivatedAt = context.Now;
        account.LastUsedAt = context.Now;
        account.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, context.CompanyId, Name,
            $"Job-Room account of {account.DisplayName} for UID {account.Uid} activated" +
            (account.IsMainAdministrator ? " as main administrator" : ""), context.Now, context.InstanceId);
        var db = StepOperations.Db(context);
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        await new WriteRightsProcedures(db, engine, new JobRoomAccess(db), clock, options)
            .ResumeAwaitingAccountAsync(account.Uid, account.UserId, cancellationToken);
        return new { isMainAdministrator = account.IsMainAdministrator };
    }
}

/// <summary><c>jobroom.closeAccountRequest</c>: the request was refused by the main administrator or its procura never came.</summary>
public sealed class CloseAccountRequestOperation : WorkflowOperation<CloseAccountRequestOperation.Input>
{
    public sealed record Input(
        [Description("The requested Job-Room account.")] Guid AccountId,
        [Description("Refused or Expired.")] string Outcome);

    public override string Name => "jobroom.closeAccountRequest";
    public override string Description => "Closes a Job-Room account request that was refused or expired.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var outcome = Enum.Parse<JobRoomAccountStatus>(input.Outcome);
        if (outcome is not (JobRoomAccountStatus.Refused or JobRoomAccountStatus.Expired))
            throw new InvalidOperationException($"A request can only close as Refused or Expired, not {outcome}.");
        var account = await AccountOperations.LoadAsync(context, input.AccountId, cancellationToken);
        account.Status = outcome;
        account.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, context.CompanyId, Name,
            $"Job-Room account request of {account.DisplayName} for UID {account.Uid}: {outcome}", context.Now, context.InstanceId);
        return null;
    }
}

internal static class AccountOperations
{
    public static async Task<JobRoomAccount> LoadAsync(OperationContext context, Guid id, CancellationToken ct) =>
        await context.Db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new InvalidOperationException($"No Job-Room account {id} exists.");
}
