using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// The write-rights endpoints: each translates the request into the step's trigger and payload; the step's own
/// operations check the rest and refuse by throwing, which the global exception handler answers.
/// </summary>
internal static partial class WriteRightsHandlers
{
    public sealed record StartRequest([property: FromBody] StartWriteRightsInput Body, IUidRegister Register, WriteRightsProcedures Procedures,
        ClaimsPrincipal User, CancellationToken Ct);

    /// <summary>
    /// Naming the caller responsible and refusing one without a usable Job-Room account of the UID are the step's own
    /// rules (<c>jobroom.beginRenewal</c>).
    /// </summary>
    public static async Task<Results<Created<WriteRightsStarted>, ValidationProblem, ProblemHttpResult>> StartAsync([AsParameters] StartRequest r)
    {
        var input = r.Body;
        if (SwissUid.Validate(input.Uid) is { } invalid) return new FieldErrors().Add("uid", invalid).ToProblem();
        return (await r.Procedures.StartOnDemandAsync(SwissUid.Parse(input.Uid), input.CorrectionDeadline, r.User, r.Register, r.Ct))
            .ToHttp(started => TypedResults.Created($"/api/jobroom/procedures/{started.InstanceId}", started));
    }

    /// <summary>A step of one renewal: the access check names the caller's part in it, the step decides the rest.</summary>
    public sealed record StepRequest(Guid InstanceId, WriteRightsAccess Access, JobRoomSteps Steps, ClaimsPrincipal User, CancellationToken Ct)
    {
        public Task<WorkflowResult> FireAsync(WriteRightsProcedure procedure, string trigger, JsonObject? payload, long? expectedVersion) =>
            Steps.FireAsync(Trigger(procedure, trigger, payload, expectedVersion), Ct);

        public FireTrigger Trigger(WriteRightsProcedure procedure, string trigger, JsonObject? payload, long? expectedVersion) =>
            new(procedure.InstanceId, trigger, WorkflowActors.From(User, procedure.RegisterEntryId), payload, expectedVersion);
    }

    /// <summary>The main administrator's <c>accept</c>, as the proposal task offers it; the step checks the account and the deadline.</summary>
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> AcceptAsync([AsParameters] StepRequest r,
        [FromBody] AcceptRenewalInput input)
    {
        if (await r.Access.AsMainAdministratorAsync(r.InstanceId, r.User, r.Ct) is not { } procedure) return JobRoomSetup.NotFound();
        var payload = Deadline(input.CorrectionDeadline) ?? [];
        if (input.ResponsibleAccountId is { } chosen) payload["responsibleAccountId"] = chosen.ToString();
        return TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.Accept, payload, input.ExpectedVersion));
    }

    /// <summary>A reason is required by the step itself.</summary>
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> DismissAsync([AsParameters] StepRequest r, [FromBody] DecisionInput input)
    {
        if (await r.Access.AsMainAdministratorAsync(r.InstanceId, r.User, r.Ct) is not { } procedure) return JobRoomSetup.NotFound();
        return TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.Dismiss, new JsonObject { ["reason"] = input.Reason?.Trim() },
            input.ExpectedVersion));
    }

    /// <summary>
    /// An active account confirms the step, otherwise Phase A is asked for. Filing the Job-Room request (or refusing
    /// without an email) is the step's own check, <c>jobroom.requestAccount</c>.
    /// </summary>
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> AccountCheckAsync([AsParameters] StepRequest r,
        [FromBody] AccountCheckInput input, JobRoomAccess access)
    {
        if (await r.Access.AsRequesterAsync(r.InstanceId, r.User, r.Ct) is not { } procedure) return JobRoomSetup.NotFound();
        var account = await access.AccountAsync(procedure.Uid, r.User.UserId() ?? "", r.Ct);
        if (account is { IsActive: true })
            return TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.AccountConfirmed, null, input.ExpectedVersion));
        var payload = string.IsNullOrWhiteSpace(input.Email) ? null : new JsonObject { ["email"] = input.Email.Trim() };
        return TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.NeedsAccount, payload, input.ExpectedVersion));
    }

    /// <summary>The RIS match and the PIN's length are the step's check (<c>jobroom.checkEServiceLogin</c>); the PIN is never stored.</summary>
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> EServiceLoginAsync([AsParameters] StepRequest r,
        [FromBody] EServiceLoginInput input)
    {
        if (await r.Access.AsRequesterAsync(r.InstanceId, r.User, r.Ct) is not { } procedure) return JobRoomSetup.NotFound();
        // The PIN travels only in this command's payload: the runtime treats "pin" as secret (never stored nor journaled).
        var payload = new JsonObject { ["risNumber"] = input.RisNumber?.Trim(), ["cadNumber"] = input.CadNumber?.Trim() };
        if (!string.IsNullOrWhiteSpace(input.Pin)) payload["pin"] = input.Pin.Trim();
        return TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.LoggedIn, payload, input.ExpectedVersion));
    }

    /// <summary>Stores the screenshot as the task page does, then fires the step with its id; the step checks the rest.</summary>
    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem, ProblemHttpResult>> ScreenshotAsync([AsParameters] StepRequest r,
        HttpRequest request, AppDbContext db, FileFormCatalog forms, TimeProvider clock)
    {
        if (await r.Access.AsRequesterAsync(r.InstanceId, r.User, r.Ct) is not { } procedure) return JobRoomSetup.NotFound();
        var form = request.HasFormContentType ? await request.ReadFormAsync(r.Ct) : null;
        var errors = new FieldErrors();
        var field = forms.Get(WriteRightsEndpoints.ScreenshotForm)?.Field(WriteRightsEndpoints.ScreenshotField)
                    ?? throw new InvalidOperationException(
                        $"The form '{WriteRightsEndpoints.ScreenshotForm}' has no file field '{WriteRightsEndpoints.ScreenshotField}'.");
        var file = form?.Files[WriteRightsEndpoints.ScreenshotField];
        if (file is null || file.Length == 0)
            return errors.Add(WriteRightsEndpoints.ScreenshotField, "Allegare il file.", "Attach the file.").ToProblem();
        var upload = await FormInput.ReadFileAsync(field, file, errors, r.Ct);
        if (upload is null) return errors.ToProblem();
        var payload = new JsonObject { ["oldEmail"] = form!["oldEmail"].ToString().Trim(), ["newEmail"] = form["newEmail"].ToString().Trim() };
        return TypedResults.Ok(await r.Steps.FireAfterAsync(() =>
        {
            payload[WriteRightsEndpoints.ScreenshotField] = Inbox.TaskDocuments.Store(db, r.InstanceId, procedure.RegisterEntryId, upload,
                r.User.UserId() ?? "", clock.GetUtcNow()).ToString();
            return r.Trigger(procedure, WriteRightsTriggers.SubmitRequest, payload, null);
        }, saveFirst: true, r.Ct));
    }

    /// <summary>Closing the correction deadline is the step's own side effect (<c>jobroom.closeCorrectionDeadline</c>).</summary>
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> UpdatedAsync([AsParameters] StepRequest r) =>
        await r.Access.FindAsync(r.InstanceId, r.Ct) is { } procedure
            ? TypedResults.Ok(await r.FireAsync(procedure, WriteRightsTriggers.WriteRightsUpdated, null, null))
            : JobRoomSetup.NotFound();

    public static async Task<Results<Ok<WriteRightsStarted>, ProblemHttpResult>> ByReferenceAsync(string text, WriteRightsProcedures procedures,
        CancellationToken ct)
    {
        var match = Reference().Match(text.ToUpperInvariant());
        if (!match.Success) return JobRoomSetup.NotFound();
        var reference = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        return await procedures.ByReferenceAsync(reference, ct) is { } found ? TypedResults.Ok(found) : JobRoomSetup.NotFound();
    }

    private static JsonObject? Deadline(string? day) =>
        string.IsNullOrWhiteSpace(day) ? null : new JsonObject { ["deadline"] = day.Trim() };

    [GeneratedRegex(@"KAE-FFE-([0-9A-F]{8})\b|^\s*([0-9A-F]{8})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
