using EmployerWorkflows.Runtime.Execution;
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

    public static string Text(OperationContext context, string name) => (string?)context.Inputs[name] ?? "";

    public static async Task<JobRoomAccount?> AccountAsync(OperationContext context, CancellationToken ct) =>
        SwissUid.TryParse(Text(context, "uid"), out var uid)
            ? await new JobRoomAccess(Db(context)).AccountAsync(uid.Value, Text(context, "userId"), ct)
            : null;

    public static OperationInput Uid => new("uid", OperationInputType.String, true, "UID of the company (vars.company.uid).");

    public static OperationInput UserId => new("userId", OperationInputType.String, true, "The person acting (actor.userId).");
}

/// <summary><c>jobroom.requireActiveAccount</c>: the person confirming must hold an active Job-Room account of the UID (Phase A done).</summary>
public sealed class RequireActiveAccountOperation : IWorkflowOperation
{
    public string Name => "jobroom.requireActiveAccount";
    public string Description => "Refuses the step unless the person holds an active Job-Room account linked to the UID.";
    public IReadOnlyList<OperationInput> Inputs { get; } = [StepOperations.Uid, StepOperations.UserId];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken) =>
        await StepOperations.AccountAsync(context, cancellationToken) is { IsActive: true }
            ? null
            : throw StepRefusedException.Field("email", "Non hai ancora un conto Job-Room attivo collegato a questo IDI: chiedilo prima.",
                "You do not have an active Job-Room account linked to this UID yet: ask for one first.");
}

/// <summary>
/// <c>jobroom.requestAccount</c>: Phase A from within the renewal. Files a Job-Room account request for the person
/// (with the given email) unless one is pending; a person whose account is already active confirms it instead.
/// </summary>
public sealed class RequestAccountOperation(IServiceScopeFactory scopes, IOptions<JobRoomOptions> options, TimeProvider clock) : IWorkflowOperation
{
    public string Name => "jobroom.requestAccount";
    public string Description => "Files a Job-Room account request for the person, unless one is pending; refuses when the account is already active.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
        [StepOperations.Uid, StepOperations.UserId, new("email", OperationInputType.String, false, "Email of the new account.")];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var db = StepOperations.Db(context);
        var account = await StepOperations.AccountAsync(context, cancellationToken);
        if (account is { IsActive: true })
            throw StepRefusedException.Field("email", "Hai già un conto Job-Room attivo per questo IDI: conferma di averlo.",
                "You already have an active Job-Room account for this UID: confirm it instead.");
        if (account?.Status is JobRoomAccountStatus.AwaitingApproval or JobRoomAccountStatus.AwaitingPowerOfAttorney)
            return new { filed = false };
        var email = ((string?)context.Inputs["email"])?.Trim() ?? account?.Email;
        if (!JobRoomVariables.IsEmail(email))
            throw StepRefusedException.Field("email", "Indicare l'e-mail per il nuovo conto Job-Room.", "Give the email for the new Job-Room account.");
        var company = await new DatabaseUidRegister(db).FindAsync(SwissUid.Parse(StepOperations.Text(context, "uid")), cancellationToken)
                      ?? throw new InvalidOperationException($"UID {StepOperations.Text(context, "uid")} is no longer in the UID register.");
        var person = await db.Set<AppUser>().SingleAsync(u => u.Id == StepOperations.Text(context, "userId"), cancellationToken);
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
public sealed class CheckEServiceLoginOperation : IWorkflowOperation
{
    public string Name => "jobroom.checkEServiceLogin";
    public string Description => "Refuses a RIS number other than the back-payment request's, and a PIN of the wrong length.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("risNumber", OperationInputType.String, true, "RIS number typed (payload.risNumber)."),
        new("expected", OperationInputType.String, false, "RIS number of the back-payment request (vars.caseRisNumber)."),
        new("pin", OperationInputType.String, false, "PIN typed, if any (payload.pin); never stored."),
    ];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, Runtime.Definitions.LocalizedText>();
        if (RisNumber.TryParse((string?)context.Inputs["risNumber"], out var ris) && context.Inputs["expected"] is string expected && ris.Value != expected)
            errors["risNumber"] = new("Il numero RIS non è quello della richiesta di pagamento arretrato di questo IDI.",
                "The RIS number is not the one of this UID's back-payment request.");
        if (context.Inputs["pin"] is string pin && pin.Trim().Length is > 0 and (< 4 or > 32))
            errors["pin"] = new("Il PIN della lettera SECO ha da 4 a 32 caratteri.", "The PIN of the SECO letter has 4 to 32 characters.");
        return errors.Count == 0 ? Task.FromResult<object?>(null) : throw new StepRefusedException(errors);
    }
}

/// <summary><c>jobroom.checkEmailChange</c>: the new address of the KAE-FFE request differs from the old one.</summary>
public sealed class CheckEmailChangeOperation : IWorkflowOperation
{
    public string Name => "jobroom.checkEmailChange";
    public string Description => "Refuses a new email address equal to the previous one.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("oldEmail", OperationInputType.String, true, "Address used so far."),
        new("newEmail", OperationInputType.String, true, "New address."),
    ];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken) =>
        string.Equals(StepOperations.Text(context, "oldEmail").Trim(), StepOperations.Text(context, "newEmail").Trim(), StringComparison.OrdinalIgnoreCase)
            ? throw StepRefusedException.Field("newEmail", "Il nuovo indirizzo deve essere diverso da quello precedente.",
                "The new address must differ from the previous one.")
            : Task.FromResult<object?>(null);
}

/// <summary>
/// <c>jobroom.closeCorrectionDeadline</c>: the write rights were updated, so the companion correction deadline of the
/// renewal closes in the same transaction and its reminders stop.
/// </summary>
public sealed class CloseCorrectionDeadlineOperation(IServiceScopeFactory scopes) : IWorkflowOperation
{
    public string Name => "jobroom.closeCorrectionDeadline";
    public string Description => "Closes the correction deadline procedure of this write-rights renewal, if it is still running.";
    public IReadOnlyList<OperationInput> Inputs { get; } = [];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var db = StepOperations.Db(context);
        var deadline = await db.Set<WriteRightsProcedure>().Where(p => p.InstanceId == context.InstanceId)
            .Select(p => p.DeadlineInstanceId).SingleOrDefaultAsync(cancellationToken);
        if (deadline is not { } id || !await DeadlineEndpoints.IsRunningAsync(db, id, cancellationToken))
            return new { closed = false };
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().FireAsync(db, new FireTrigger(id, "close", context.Actor), cancellationToken);
        return new { closed = true };
    }
}

/// <summary>
/// <c>jobroom.procuraWindow</c>: when the company is reminded and when the request expires, counted from now in the
/// configured days; stored by the step that posts (or rejects) the procura.
/// </summary>
public sealed class ProcuraWindowOperation(IOptions<JobRoomOptions> options) : IWorkflowOperation
{
    public string Name => "jobroom.procuraWindow";
    public string Description => "Reminder and expiry of the signed-procura upload, from now (JobRoom:PowerOfAttorneyReminderDays, ...ExpiryDays).";
    public IReadOnlyList<OperationInput> Inputs { get; } = [];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
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
