using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record StartWriteRightsInput(string? Uid, string? CorrectionDeadline);

public sealed record AcceptRenewalInput(Guid? ResponsibleAccountId, string? CorrectionDeadline, long? ExpectedVersion);

public sealed record AccountCheckInput(string? Email, long? ExpectedVersion);

public sealed record EServiceLoginInput(string? RisNumber, string? CadNumber, string? Pin, long? ExpectedVersion);

public sealed record WriteRightsStarted(Guid InstanceId, string Reference, Guid? DeadlineInstanceId, string State);

/// <summary>
/// Phase B, the <c>kae-ffe-write-rights</c> workflow step by step (rules 4–7): start (on demand or after the daily
/// proposal), account check, eService login, error screenshot and email addresses, SECO's update.
/// </summary>
internal static partial class WriteRightsEndpoints
{
    public const string ScreenshotForm = "kae-ffe-error-screenshot";
    public const string ScreenshotField = "screenshot";

    public static void MapWriteRightsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/write-rights", StartAsync)
            .WithSummary("Starts a write-rights renewal (KAE-FFE) on demand")
            .WithDescription("A person with a Job-Room account or request for the UID becomes the responsible person. The correction " +
                             "deadline (yyyy-MM-dd) defaults to JobRoom:CorrectionDays days from today and is tracked with reminders.")
            .Produces<WriteRightsStarted>(201).ProducesValidationProblem().ProducesProblem(409);

        var step = api.MapGroup("/write-rights/{instanceId:guid}");
        step.MapPost("/accept", AcceptAsync)
            .WithSummary("The main administrator starts a proposed renewal")
            .WithDescription("After the daily check found the filer inactive for 6 months or gone. The responsible person is the given " +
                             "account of the UID, or the administrator.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        step.MapPost("/dismiss", DismissAsync)
            .WithSummary("The main administrator declines a proposed renewal").WithDescription("A reason is required.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        step.MapPost("/account-check", AccountCheckAsync)
            .WithSummary("Step 1: confirms an active Job-Room account linked to the UID")
            .WithDescription("Continues to the eService login when the responsible person's account is active; otherwise Phase A runs " +
                             "first (a new request is filed when needed, with the given email) and the renewal resumes by itself on activation. " +
                             "While waiting, calling it again files a new request if the previous one was refused or expired.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        step.MapPost("/eservice-login", EServiceLoginAsync)
            .WithSummary("Step 2: confirms the login to the eService with RIS, CAD and PIN")
            .WithDescription("The login itself happens on SECO's eService (see eServiceUrl). The RIS number is kept for the KAE-FFE email; " +
                             "the CAD number is opaque; the PIN, if typed, is checked for presence and then forgotten: never stored, logged or journaled.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        step.MapPost("/error-screenshot", ScreenshotAsync)
            .WithSummary("Step 3: uploads the error screenshot with the old and new email address")
            .WithDescription("Multipart fields 'screenshot' (PNG, JPG or PDF by content, up to JobRoom:MaxUploadMb), 'oldEmail', 'newEmail'. " +
                             "Sends the request to the KAE-FFE mailbox with the screenshot attached and the reference in the subject.")
            .Accepts<IFormFile>("multipart/form-data").Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        step.MapPost("/write-rights-updated", UpdatedAsync).SecoDeskStep()
            .WithSummary("SECO desk: records that the write rights were updated")
            .WithDescription("SecoDesk only. Sends the company the release notification and closes the correction deadline.")
            .Produces(200).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/write-rights/by-reference/{text}", ByReferenceAsync).RequireAuthorization(JobRoomSetup.SecoDeskPolicy)
            .WithSummary("SECO desk: finds the renewal a KAE-FFE reply belongs to")
            .WithDescription("Accepts the reference (e.g. 3F9A12BC) or a whole subject line containing [KAE-FFE-3F9A12BC].")
            .Produces<WriteRightsStarted>().ProducesProblem(404);
    }

    /// <summary>
    /// Opens a renewal for the UID and fires <c>begin</c>: naming the caller responsible and refusing one without a
    /// usable Job-Room account of the UID are the step's own rules (<c>jobroom.beginRenewal</c>).
    /// </summary>
    private static async Task<IResult> StartAsync(StartWriteRightsInput input, AppDbContext db, IUidRegister register,
        WriteRightsProcedures procedures, IWorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        if (SwissUid.Validate(input.Uid) is { } invalid) return new FieldErrors().Add("uid", invalid).ToResult();
        var uid = SwissUid.Parse(input.Uid).Value;
        if (await register.FindAsync(SwissUid.Parse(input.Uid), ct) is not { } company)
            return new FieldErrors().Add("uid", "Chiedi prima un conto Job-Room collegato a questo numero IDI.",
                "Ask for a Job-Room account linked to this UID first.").ToResult();
        if (await RunningForAsync(db, uid, ct))
            return Results.Problem(statusCode: 409, title: Localization.Lang.T(
                "Per questo IDI è già in corso un rinnovo dei diritti di scrittura.", "A write-rights renewal is already running for this UID."));
        var backPaymentCase = await db.Set<BackPaymentCase>().Where(c => c.Uid == uid).OrderByDescending(c => c.FiledAt).FirstOrDefaultAsync(ct);
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            var actor = WorkflowActors.From(user, company.Id);
            var procedure = await procedures.OpenAsync(company, backPaymentCase, actor, ct);
            var result = await engine.FireAsync(db, new FireTrigger(procedure.InstanceId, WriteRightsTriggers.Begin, actor, Deadline(input.CorrectionDeadline)), ct);
            return Results.Created($"/api/jobroom/procedures/{procedure.InstanceId}",
                new WriteRightsStarted(procedure.InstanceId, procedure.Reference, procedure.DeadlineInstanceId, result.State));
        }, ct);
    }

    /// <summary>The main administrator's <c>accept</c>, as the proposal task offers it; the step checks the account and the deadline.</summary>
    private static async Task<IResult> AcceptAsync(Guid instanceId, AcceptRenewalInput input, HttpContext http, CancellationToken ct)
    {
        var (db, access, user) = Services(http);
        var procedure = await db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId, ct);
        if (procedure is null || !await access.IsMainAdministratorAsync(user, procedure.Uid, ct)) return JobRoomSetup.NotFound();
        var payload = Deadline(input.CorrectionDeadline) ?? [];
        if (input.ResponsibleAccountId is { } chosen) payload["responsibleAccountId"] = chosen.ToString();
        return await FireAsync(http, procedure, WriteRightsTriggers.Accept, payload, input.ExpectedVersion, ct);
    }

    private static JsonObject? Deadline(string? day) =>
        string.IsNullOrWhiteSpace(day) ? null : new JsonObject { ["deadline"] = day.Trim() };

    private static async Task<IResult> DismissAsync(Guid instanceId, DecisionInput input, HttpContext http, CancellationToken ct)
    {
        var (db, access, user) = Services(http);
        var procedure = await db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId, ct);
        if (procedure is null || !await access.IsMainAdministratorAsync(user, procedure.Uid, ct)) return JobRoomSetup.NotFound();
        // A reason is required by the step itself.
        return await FireAsync(http, procedure, WriteRightsTriggers.Dismiss, new JsonObject { ["reason"] = input.Reason?.Trim() }, input.ExpectedVersion, ct);
    }

    /// <summary>
    /// Translates the request into the step: an active account confirms it, otherwise Phase A is asked for. Filing the
    /// Job-Room request (or refusing without an email) is the step's own check, <c>jobroom.requestAccount</c>.
    /// </summary>
    private static async Task<IResult> AccountCheckAsync(Guid instanceId, AccountCheckInput input, HttpContext http, CancellationToken ct)
    {
        var (db, access, user) = Services(http);
        if (await RequesterProcedureAsync(db, instanceId, user, ct) is not { } procedure) return JobRoomSetup.NotFound();
        var account = await access.AccountAsync(procedure.Uid, (user.UserId() ?? ""), ct);
        if (account is { IsActive: true })
            return await FireAsync(http, procedure, WriteRightsTriggers.AccountConfirmed, null, input.ExpectedVersion, ct);
        var payload = string.IsNullOrWhiteSpace(input.Email) ? null : new JsonObject { ["email"] = input.Email.Trim() };
        return await FireAsync(http, procedure, WriteRightsTriggers.NeedsAccount, payload, input.ExpectedVersion, ct);
    }

    /// <summary>The RIS match and the PIN's length are the step's check (<c>jobroom.checkEServiceLogin</c>); the PIN is never stored.</summary>
    private static async Task<IResult> EServiceLoginAsync(Guid instanceId, EServiceLoginInput input, HttpContext http, CancellationToken ct)
    {
        var (db, _, user) = Services(http);
        if (await RequesterProcedureAsync(db, instanceId, user, ct) is not { } procedure) return JobRoomSetup.NotFound();
        // The PIN travels only in this command's payload: the runtime treats "pin" as secret (never stored nor journaled).
        var payload = new JsonObject { ["risNumber"] = input.RisNumber?.Trim(), ["cadNumber"] = input.CadNumber?.Trim() };
        if (!string.IsNullOrWhiteSpace(input.Pin)) payload["pin"] = input.Pin.Trim();
        return await FireAsync(http, procedure, WriteRightsTriggers.LoggedIn, payload, input.ExpectedVersion, ct);
    }

    /// <summary>Stores the screenshot as the task page does, then fires the step with its id; the step checks the rest.</summary>
    private static async Task<IResult> ScreenshotAsync(Guid instanceId, HttpRequest request, HttpContext http, CancellationToken ct)
    {
        var (db, _, user) = Services(http);
        if (await RequesterProcedureAsync(db, instanceId, user, ct) is not { } procedure) return JobRoomSetup.NotFound();
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var errors = new FieldErrors();
        var field = http.RequestServices.GetRequiredService<FileFormCatalog>().Get(ScreenshotForm)?.Field(ScreenshotField)
                    ?? throw new InvalidOperationException($"The form '{ScreenshotForm}' has no file field '{ScreenshotField}'.");
        var file = form?.Files[ScreenshotField];
        if (file is null || file.Length == 0)
            return errors.Add(ScreenshotField, "Allegare il file.", "Attach the file.").ToResult();
        var upload = await FormInput.ReadFileAsync(field, file, errors, ct);
        if (upload is null) return errors.ToResult();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var payload = new JsonObject { ["oldEmail"] = form!["oldEmail"].ToString().Trim(), ["newEmail"] = form["newEmail"].ToString().Trim() };
        return await FireAsync(http, procedure, WriteRightsTriggers.SubmitRequest, payload, null, ct, before: () => payload[ScreenshotField] =
            Inbox.TaskDocuments.Store(db, instanceId, procedure.RegisterEntryId, upload, (user.UserId() ?? ""), clock.GetUtcNow()).Id.ToString());
    }

    /// <summary>Closing the correction deadline is the step's own side effect (<c>jobroom.closeCorrectionDeadline</c>).</summary>
    private static async Task<IResult> UpdatedAsync(Guid instanceId, HttpContext http, CancellationToken ct)
    {
        var (db, _, _) = Services(http);
        var procedure = await db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId, ct);
        if (procedure is null) return JobRoomSetup.NotFound();
        return await FireAsync(http, procedure, WriteRightsTriggers.WriteRightsUpdated, null, null, ct);
    }

    private static async Task<IResult> ByReferenceAsync(string text, AppDbContext db, CancellationToken ct)
    {
        var match = Reference().Match(text.ToUpperInvariant());
        if (!match.Success) return JobRoomSetup.NotFound();
        var reference = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        var found = await (from p in db.Set<WriteRightsProcedure>()
                           join i in db.Set<WorkflowInstance>() on p.InstanceId equals i.Id
                           where p.Reference == reference
                           select new WriteRightsStarted(p.InstanceId, p.Reference, p.DeadlineInstanceId, i.State)).SingleOrDefaultAsync(ct);
        return found is null ? JobRoomSetup.NotFound() : Results.Ok(found);
    }

    private static async Task<IResult> FireAsync(HttpContext http, WriteRightsProcedure procedure, string trigger, JsonObject? payload,
        long? expectedVersion, CancellationToken ct, Action? before = null)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var engine = http.RequestServices.GetRequiredService<IWorkflowEngine>();
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            if (before is not null)
            {
                before();
                // Saved first so that the step's email activities can attach what was just uploaded.
                await db.SaveChangesAsync(ct);
            }
            var result = await engine.FireAsync(db, new FireTrigger(procedure.InstanceId, trigger,
                WorkflowActors.From(http.User, procedure.RegisterEntryId), payload, expectedVersion), ct);
            return Results.Ok(result);
        }, ct);
    }

    private static (AppDbContext Db, JobRoomAccess Access, ClaimsPrincipal User) Services(HttpContext http) =>
        (http.RequestServices.GetRequiredService<AppDbContext>(), http.RequestServices.GetRequiredService<JobRoomAccess>(), http.User);

    /// <summary>The procedure when the caller is its responsible person; company steps are theirs alone.</summary>
    private static Task<WriteRightsProcedure?> RequesterProcedureAsync(AppDbContext db, Guid instanceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = (user.UserId() ?? "");
        return db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId && p.RequesterUserId == userId, ct);
    }

    internal static Task<bool> RunningForAsync(AppDbContext db, string uid, CancellationToken ct) =>
        (from p in db.Set<WriteRightsProcedure>()
         join i in db.Set<WorkflowInstance>() on p.InstanceId equals i.Id
         where p.Uid == uid && i.Status == InstanceStatus.Running
         select p.Id).AnyAsync(ct);

    [GeneratedRegex(@"KAE-FFE-([0-9A-F]{8})\b|^\s*([0-9A-F]{8})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
