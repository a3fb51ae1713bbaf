using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Starts and links the Phase B procedures: the <c>kae-ffe-write-rights</c> instance and, once a responsible
/// person is named, its companion <c>kae-ffe-correction-deadline</c> instance. Every method works in the caller's
/// transaction.
/// </summary>
public sealed class WriteRightsProcedures(AppDbContext db, IWorkflowEngine engine, JobRoomAccess access, TimeProvider clock, IOptions<JobRoomOptions> options)
{
    public const string Definition = "kae-ffe-write-rights";
    public const string DeadlineDefinition = "kae-ffe-correction-deadline";

    /// <summary>Opens a procedure for a UID; nothing happens until it is proposed or begun.</summary>
    public async Task<WriteRightsProcedure> OpenAsync(UidRegisterRecord company, BackPaymentCase? backPaymentCase, WorkflowActor actor, CancellationToken ct)
    {
        var reference = JobRoomVariables.NewReference();
        var o = options.Value;
        var variables = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["reference"] = reference,
            ["kaeFfe"] = new JsonObject { ["email"] = o.KaeFfeAddress, ["name"] = "SECO KAE-FFE", ["language"] = o.KaeFfeLanguage },
            ["eServiceUrl"] = o.EServiceUrl,
            ["helpdesk"] = o.HelpdeskAddress,
            ["registrationInfoUrl"] = o.RegistrationInfoUrl,
            ["caseRisNumber"] = backPaymentCase?.RisNumber,
        };
        var started = await engine.StartAsync(db, new StartWorkflow(Definition, null, variables, reference, company.Id, actor), ct);
        var procedure = new WriteRightsProcedure
        {
            Reference = reference,
            RegisterEntryId = company.Id,
            Uid = company.Uid.Value,
            InstanceId = started.InstanceId,
            BackPaymentCaseId = backPaymentCase?.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(procedure);
        return procedure;
    }

    /// <summary>The daily check found the filer inactive or gone: the administrators decide whether to renew.</summary>
    public async Task ProposeAsync(WriteRightsProcedure procedure, JobRoomAccount mainAdministrator, JobRoomAccount previousHolder,
        string cause, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["mainAdministrator"] = JobRoomVariables.Person(mainAdministrator),
            ["administrators"] = new JsonArray(JobRoomVariables.Person(mainAdministrator)),
            ["previousHolder"] = new JsonObject { ["name"] = previousHolder.DisplayName, ["email"] = previousHolder.Email },
            ["cause"] = cause,
        };
        await engine.FireAsync(db, new FireTrigger(procedure.InstanceId, WriteRightsTriggers.Propose, WorkflowActor.System, payload), ct);
    }

    /// <summary>
    /// The responsible person is named (<c>begin</c> on demand, <c>accept</c> after a proposal; see
    /// <see cref="BeginRenewalOperation"/>): starts the correction deadline and returns the variables the step stores.
    /// </summary>
    public async Task<JsonObject> NameResponsibleAsync(WriteRightsProcedure procedure, UidRegisterRecord company, JobRoomAccount requester,
        DateOnly deadline, WorkflowActor actor, CancellationToken ct)
    {
        var main = await access.MainAdministratorAsync(company.Uid.Value, ct);
        var recipients = new JsonArray(JobRoomVariables.Person(requester));
        if (main is not null && main.Email != requester.Email) recipients.Add(JobRoomVariables.Person(main));
        var due = Deadline(deadline);
        var named = new JsonObject
        {
            ["requester"] = JobRoomVariables.Person(requester),
            ["companyRecipients"] = recipients,
        };
        foreach (var (name, value) in due) named[name] = value?.DeepClone();

        var deadlineVariables = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["reference"] = procedure.Reference,
            ["requester"] = JobRoomVariables.Person(requester),
        };
        foreach (var (name, value) in due) deadlineVariables[name] = value?.DeepClone();
        var tracked = await engine.StartAsync(db,
            new StartWorkflow(DeadlineDefinition, null, deadlineVariables, procedure.Reference, company.Id, actor), ct);
        procedure.DeadlineInstanceId = tracked.InstanceId;
        procedure.RequesterUserId = requester.UserId;
        return named;
    }

    /// <summary>Variables of a correction deadline: the day shown to people and the instant the timer fires (end of that day, UTC).</summary>
    public static JsonObject Deadline(DateOnly day)
    {
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new JsonObject
        {
            ["correctionDeadline"] = day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["correctionDeadlineDate"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["correctionDeadlineAt"] = JobRoomVariables.Instant(end),
        };
    }

    /// <summary>
    /// Phase A finished for <paramref name="userId"/>: every renewal of theirs waiting for the account goes on to
    /// the eService login, in the same transaction as the activation.
    /// </summary>
    public async Task ResumeAwaitingAccountAsync(string uid, string userId, CancellationToken ct)
    {
        var theirs = await db.Set<WriteRightsProcedure>().Where(p => p.Uid == uid && p.RequesterUserId == userId)
            .Select(p => p.InstanceId).ToListAsync(ct);
        foreach (var id in await InstanceReader.RunningInStateAsync(db, theirs, "AwaitingAccount", ct))
            await engine.FireAsync(db, new FireTrigger(id, WriteRightsTriggers.AccountReady, WorkflowActor.System), ct);
    }

    /// <summary>
    /// Opens a renewal for the UID and fires <c>begin</c>, in one transaction, on demand of a company person; the
    /// latest back-payment case of the UID, if any, gives the RIS number of the SECO letter.
    /// </summary>
    public async Task<WriteRightsStarted> StartAsync(UidRegisterRecord company, WorkflowActor actor, JsonObject? payload, CancellationToken ct)
    {
        var uid = company.Uid.Value;
        var backPaymentCase = await db.Set<BackPaymentCase>().Where(c => c.Uid == uid).OrderByDescending(c => c.FiledAt).FirstOrDefaultAsync(ct);
        return await new JobRoomSteps(db, engine).InTransactionAsync(async () =>
        {
            var procedure = await OpenAsync(company, backPaymentCase, actor, ct);
            var result = await engine.FireAsync(db, new FireTrigger(procedure.InstanceId, WriteRightsTriggers.Begin, actor, payload), ct);
            return new WriteRightsStarted(procedure.InstanceId, procedure.Reference, procedure.DeadlineInstanceId, result.State);
        }, ct);
    }

    /// <summary>
    /// A renewal asked for by a company person, from <c>POST /api/jobroom/write-rights</c> or the catalogue's start
    /// form: the UID must be in the register and have no renewal running; naming the caller responsible, and refusing
    /// one without a usable Job-Room account of the UID, are the step's own rules (<c>jobroom.beginRenewal</c>, thrown).
    /// </summary>
    public async Task<Validation.Outcome<WriteRightsStarted>> StartOnDemandAsync(Domain.Identifiers.SwissUid uid, string? deadline,
        System.Security.Claims.ClaimsPrincipal user, IUidRegister register, CancellationToken ct)
    {
        if (await register.FindAsync(uid, ct) is not { } company)
            return Validation.Outcome<WriteRightsStarted>.Invalid(new Validation.FieldErrors().Add("uid",
                "Chiedi prima un conto Job-Room collegato a questo numero IDI.", "Ask for a Job-Room account linked to this UID first."));
        if (await IsRunningForAsync(company.Uid.Value, ct))
            return Validation.Outcome<WriteRightsStarted>.Refused("Per questo IDI è già in corso un rinnovo dei diritti di scrittura.",
                "A write-rights renewal is already running for this UID.");
        var payload = string.IsNullOrWhiteSpace(deadline) ? null : new JsonObject { ["deadline"] = deadline.Trim() };
        return Validation.Outcome<WriteRightsStarted>.Done(
            await StartAsync(company, Procedures.WorkflowActors.From(user, company.Id), payload, ct));
    }

    /// <summary>Whether a renewal of the UID is still running; a second one would only duplicate it.</summary>
    public Task<bool> IsRunningForAsync(string uid, CancellationToken ct) => RunningForAsync(db, uid, ct);

    public static async Task<bool> RunningForAsync(AppDbContext db, string uid, CancellationToken ct)
    {
        var renewals = await db.Set<WriteRightsProcedure>().Where(p => p.Uid == uid).Select(p => p.InstanceId).ToListAsync(ct);
        return await InstanceReader.AnyRunningAsync(db, renewals, ct);
    }

    /// <summary>The renewal with this reference (e.g. 3F9A12BC) and where it stands.</summary>
    public async Task<WriteRightsStarted?> ByReferenceAsync(string reference, CancellationToken ct)
    {
        var procedure = await db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, ct);
        if (procedure is null || await InstanceReader.FindAsync(db, procedure.InstanceId, ct) is not { } instance) return null;
        return new WriteRightsStarted(procedure.InstanceId, procedure.Reference, procedure.DeadlineInstanceId, instance.State);
    }
}
