using System.ComponentModel;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// <c>jobroom.beginRenewal</c>: names the responsible person of a write-rights renewal (rule 5) and starts its
/// correction deadline. The responsible person is the chosen Job-Room account of the UID or, when none is chosen,
/// the person acting; their account must not be refused, expired or of someone who left. The deadline is the given
/// day (not in the past) or <c>JobRoom:CorrectionDays</c> from today. Returns the variables the step stores:
/// <c>requester</c>, <c>companyRecipients</c> and the three <c>correctionDeadline*</c> values, so no payload ever
/// writes them.
/// </summary>
public sealed class BeginRenewalOperation(IServiceScopeFactory scopes, IOptions<JobRoomOptions> options, TimeProvider clock)
    : WorkflowOperation<BeginRenewalOperation.Input>
{
    public sealed record Input(
        [Description("UID of the company (vars.company.uid).")] string Uid,
        [Description("The person acting (actor.userId).")] string UserId,
        [Description("Job-Room account chosen as responsible (payload.responsibleAccountId); empty: the person acting.")] string? ResponsibleAccountId,
        [Description("Correction deadline, yyyy-MM-dd (payload.deadline); empty: JobRoom:CorrectionDays from today.")] string? Deadline);

    public override string Name => "jobroom.beginRenewal";

    public override string Description =>
        "Names the responsible person (chosen account of the UID, or the person acting) and starts the correction deadline; " +
        "refuses an account that is refused, expired or whose holder left, and a deadline in the past.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var db = StepOperations.Db(context);
        var uid = SwissUid.Parse(input.Uid).Value;
        var chosen = input.ResponsibleAccountId?.Trim() ?? "";
        var errors = new Dictionary<string, Runtime.Definitions.LocalizedText>(StringComparer.Ordinal);

        var deadline = Deadline(input.Deadline);
        if (deadline is null)
            errors["deadline"] = new("Indicare una data (aaaa-mm-gg) non passata.", "Give a date (yyyy-mm-dd) that has not passed.");
        var responsible = await ResponsibleAsync(db, uid, chosen, input.UserId, cancellationToken);
        if (responsible is null)
            errors[chosen.Length > 0 ? "responsibleAccountId" : "uid"] = chosen.Length > 0
                ? new("Scegli un conto Job-Room di questo IDI ancora in azienda.", "Choose a Job-Room account of this UID whose holder is still with the company.")
                : new("Chiedi prima un conto Job-Room collegato a questo numero IDI.", "Ask for a Job-Room account linked to this UID first.");
        if (errors.Count > 0)
            throw new StepRefusedException(errors);

        var procedure = db.Set<WriteRightsProcedure>().Local.FirstOrDefault(p => p.InstanceId == context.InstanceId)
                        ?? await db.Set<WriteRightsProcedure>().SingleAsync(p => p.InstanceId == context.InstanceId, cancellationToken);
        var company = await new DatabaseUidRegister(db).FindAsync(SwissUid.Parse(uid), cancellationToken)
                      ?? throw new InvalidOperationException($"UID {uid} is no longer in the UID register.");
        // The companion deadline is a procedure of its own, started in this step's transaction.
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var procedures = new WriteRightsProcedures(db, engine, new JobRoomAccess(db), clock, options);
        return await procedures.NameResponsibleAsync(procedure, company, responsible!, deadline!.Value, context.Actor, cancellationToken);
    }

    private DateOnly? Deadline(string? text)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(text)) return today.AddDays(options.Value.CorrectionDays);
        return JobRoomVariables.ParseDay(text) is { } day && day >= today ? day : null;
    }

    private static async Task<JobRoomAccount?> ResponsibleAsync(Data.AppDbContext db, string uid, string chosen, string userId, CancellationToken ct)
    {
        JobRoomAccount? account;
        if (chosen.Length == 0)
            account = await new JobRoomAccess(db).AccountAsync(uid, userId, ct);
        else if (Guid.TryParse(chosen, out var id))
            account = await db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Id == id && a.Uid == uid, ct);
        else
            account = null;
        return account is null || account.LeftCompanyAt is not null || account.Status is JobRoomAccountStatus.Refused or JobRoomAccountStatus.Expired
            ? null
            : account;
    }
}
