using System.ComponentModel;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// The checks and side effects of the Job-Room steps, named in the definitions' transitions (<c>run</c>), so they
/// hold however the step is fired: task API, task page, dedicated endpoint. Each works in the transition's unit of
/// work; a refusal is a <see cref="StepRefusedException"/> with field errors, and nothing of the step is kept.
/// </summary>
internal static class StepOperations
{
    public static AppDbContext Db(OperationContext context) => (AppDbContext)context.Db;

    public static async Task<JobRoomAccount?> AccountAsync(OperationContext context, string uidText, string userId, CancellationToken ct) =>
        SwissUid.TryParse(uidText, out var uid)
            ? await new JobRoomAccess(Db(context)).AccountAsync(uid.Value, userId, ct)
            : null;
}

/// <summary><c>jobroom.requireActiveAccount</c>: the person confirming must hold an active Job-Room account of the UID (Phase A done).</summary>
public sealed class RequireActiveAccountOperation : WorkflowOperation<RequireActiveAccountOperation.Input>
{
    public sealed record Input(
        [Description("UID of the company (vars.company.uid).")] string Uid,
        [Description("The person acting (actor.userId).")] string UserId);

    public override string Name => "jobroom.requireActiveAccount";
    public override string Description => "Refuses the step unless the person holds an active Job-Room account linked to the UID.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken) =>
        await StepOperations.AccountAsync(context, input.Uid, input.UserId, cancellationToken) is { IsActive: true }
            ? null
            : throw StepRefusedException.Field("email", "Non hai ancora un conto Job-Room attivo collegato a questo IDI: chiedilo prima.",
                "You do not have an active Job-Room account linked to this UID yet: ask for one first.");
}

/// <summary>
/// <c>jobroom.requestAccount</c>: Phase A from within the renewal. Files a Job-Room account request for the person
/// (with the given email) unless one is pending; a person whose account is already active confirms it instead.
/// </summary>
public sealed class RequestAccountOperation(IServiceScopeFactory scopes, IOptions<JobRoomOptions> options, TimeProvider clock)
    : WorkflowOperation<RequestAccountOperation.Input>
{
    public sealed record Input(
        [Description("UID of the company (vars.company.uid).")] string Uid,
        [Description("The person acting (actor.userId).")] string UserId,
        [Description("Email of the new account.")] string? Email);

    public override string Name => "jobroom.requestAccount";
    public override string Description => "Files a Job-Room account request for the person, unless one is pending; refuses when the account is already active.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var db = StepOperations.Db(context);
        var account = await StepOperations.AccountAsync(context, input.Uid, input.UserId, cancellationToken);
        if (account is { IsActive: true })
            throw StepRefusedException.Field("email", "Hai già un conto Job-Room attivo per questo IDI: conferma di averlo.",
                "You already have an active Job-Room account for this UID: confirm it instead.");
        if (account?.Status is JobRoomAccountStatus.AwaitingApproval or JobRoomAccountStatus.AwaitingPowerOfAttorney)
            return new { filed = false };
        var email = input.Email?.Trim() ?? account?.Email;
        if (!JobRoomVariables.IsEmail(email))
            throw StepRefusedException.Field("email", "Indicare l'e-mail per il nuovo conto Job-Room.", "Give the email for the new Job-Room account.");
        var company = await new DatabaseUidRegister(db).FindAsync(SwissUid.Parse(input.Uid), cancellationToken)
                      ?? throw new InvalidOperationException($"UID {input.Uid} is no longer in the UID register.");
        var person = await db.Set<AppUser>().SingleAsync(u => u.Id == input.UserId, cancellationToken);
        // The new request is a procedure of its own, started in this step's transaction.
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var requests = new AccountRequests(db, engine, new JobRoomAccess(db), clock, options);
        var filed = await requests.RequestAsync(company, person, email!, context.Actor, cancellationToken);
        return new { filed = filed is not null };
    }
}

/// <summary>
/// <c>jobroom.checkEServiceLogin</c>: the RIS number must be the one of the UID's back-payment request (when known),
/// and a PIN, if typed, has 4 to 32 characters. The PIN is only looked at, never kept.
/// </summary>
public sealed class CheckEServiceLoginOperation : WorkflowOperation<CheckEServiceLoginOperation.Input>
{
    public sealed record Input(
        [Description("RIS number typed (payload.risNumber).")] string RisNumber,
        [Description("RIS number of the back-payment request (vars.caseRisNumber).")] string? Expected,
        [Description("PIN typed, if any (payload.pin); never stored.")] string? Pin);

    public override string Name => "jobroom.checkEServiceLogin";
    public override string Description => "Refuses a RIS number other than the back-payment request's, and a PIN of the wrong length.";

    protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, Runtime.Definitions.LocalizedText>();
        if (Domain.Identifiers.RisNumber.TryParse(input.RisNumber, out var ris) && input.Expected is { } expected && ris.Value != expected)
            errors["risNumber"] = new("Il numero RIS non è quello della richiesta di pagamento arretrato di questo IDI.",
                "The RIS number is not the one of this UID's back-payment request.");
        if (input.Pin is { } pin && pin.Trim().Length is > 0 and (< 4 or > 32))
            errors["pin"] = new("Il PIN della lettera SECO ha da 4 a 32 caratteri.", "The PIN of the SECO letter has 4 to 32 characters.");
        return errors.Count == 0 ? Task.FromResult<object?>(null) : throw new StepRefusedException(errors);
    }
}

/// <summary><c>jobroom.checkEmailChange</c>: the new address of the KAE-FFE request differs from the old one.</summary>
public sealed class CheckEmailChangeOperation : WorkflowOperation<CheckEmailChangeOperation.Input>
{
    public sealed record Input(
        [Description("Address used so far.")] string OldEmail,
        [Description("New address.")] string NewEmail);

    public override string Name => "jobroom.checkEmailChange";
    public override string Description => "Refuses a new email address equal to the previous one.";

    protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken) =>
        string.Equals(input.OldEmail.Trim(), input.NewEmail.Trim(), StringComparison.OrdinalIgnoreCase)
            ? throw StepRefusedException.Field("newEmail", "Il nuovo indirizzo deve essere diverso da quello precedente.",
                "The new address must differ from the previous one.")
            : Task.FromResult<object?>(null);
}

/// <summary>
/// <c>jobroom.closeCorrectionDeadline</c>: the write rights were updated, so the companion correction deadline of the
/// renewal closes in the same transaction and its reminders stop.
/// </summary>
public sealed class CloseCorrectionDeadlineOperation(IServiceScopeFactory scopes) : WorkflowOperation<NoInputs>
{
    public override string Name => "jobroom.closeCorrectionDeadline";
    public override string Description => "Closes the correction deadline procedure of this write-rights renewal, if it is still running.";

    protected override async Task<object?> InvokeAsync(OperationContext context, NoInputs input, CancellationToken cancellationToken)
    {
        var db = StepOperations.Db(context);
        var deadline = await db.Set<WriteRightsProcedure>().Where(p => p.InstanceId == context.InstanceId)
            .Select(p => p.DeadlineInstanceId).SingleOrDefaultAsync(cancellationToken);
        if (deadline is not { } id || !await InstanceReader.IsRunningAsync(db, id, cancellationToken))
            return new { closed = false };
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().FireAsync(db, new FireTrigger(id, CorrectionDeadlineTriggers.Close, context.Actor), cancellationToken);
        return new { closed = true };
    }
}

/// <summary>
/// <c>jobroom.procuraWindow</c>: when the company is reminded and when the request expires, counted from now in the
/// configured days; stored by the step that posts (or rejects) the procura.
/// </summary>
public sealed class ProcuraWindowOperation(IOptions<JobRoomOptions> options) : WorkflowOperation<NoInputs>
{
    public override string Name => "jobroom.procuraWindow";
    public override string Description => "Reminder and expiry of the signed-procura upload, from now (JobRoom:PowerOfAttorneyReminderDays, ...ExpiryDays).";

    protected override Task<object?> InvokeAsync(OperationContext context, NoInputs input, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var o = options.Value;
        return Task.FromResult<object?>(new
        {
            at = JobRoomVariables.Instant(now),
            on = JobRoomVariables.Day(now),
            reminderAt = JobRoomVariables.Instant(now.AddDays(o.PowerOfAttorneyReminderDays)),
            expiresAt = JobRoomVariables.Instant(now.AddDays(o.PowerOfAttorneyExpiryDays)),
            expiresOn = JobRoomVariables.Day(now.AddDays(o.PowerOfAttorneyExpiryDays)),
        });
    }
}
