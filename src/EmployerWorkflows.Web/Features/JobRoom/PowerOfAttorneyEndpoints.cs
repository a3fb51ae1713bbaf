using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record RejectProcuraInput(string? Reason, long? ExpectedVersion);

/// <summary>
/// The power-of-attorney workflow (rule 3): SecoDesk posts the generated procura, the company uploads it signed,
/// SecoDesk verifies it and the account is activated.
/// </summary>
internal static class PowerOfAttorneyEndpoints
{
    /// <summary>The upload task's file field; stored uploads are named after it.</summary>
    public const string SignedProcuraPrefix = "signedProcura";
    public const string UploadForm = "poa-upload";

    public static void MapPowerOfAttorneyEndpoints(this RouteGroupBuilder api)
    {
        var poa = api.MapGroup("/power-of-attorney/{instanceId:guid}");
        poa.MapGet("/letter", LetterAsync).RequireAuthorization(JobRoomSetup.SecoDeskPolicy)
            .WithSummary("Downloads the procura letter (PDF) to print and post")
            .WithDescription("SecoDesk only. A one-page PDF addressed to the postal address in the UID register.");

        poa.MapPost("/dispatched", DispatchedAsync).SecoDeskStep()
            .WithSummary("Records that the procura was posted")
            .WithDescription("SecoDesk only. From now the company has JobRoom:PowerOfAttorneyReminderDays days before a reminder " +
                             "and JobRoom:PowerOfAttorneyExpiryDays days before the request expires.");

        poa.MapPost("/signed-procura", UploadAsync).AcceptsUpload()
            .WithSummary("Uploads the procura signed by the company")
            .WithDescription("The person who asked for the account; multipart field 'signedProcura'. PDF, JPG or PNG recognised by " +
                             "content, up to JobRoom:MaxUploadMb. Goes to SecoDesk for verification.");

        poa.MapGet("/signed-procura", SignedCopyAsync)
            .WithSummary("Downloads the latest signed procura").WithDescription("SecoDesk or the person who asked for the account.");

        poa.MapPost("/verify", VerifyAsync).SecoDeskStep()
            .WithSummary("Accepts the signed procura and activates the account")
            .WithDescription("SecoDesk only. The account becomes active (main administrator if it is the UID's first) and the person is informed by email.");

        poa.MapPost("/reject", RejectAsync).SecoDeskStep()
            .WithSummary("Rejects the signed procura; the company may upload again")
            .WithDescription("SecoDesk only; the reason is emailed to the person and the upload deadlines start again.");
    }

    /// <summary>A request about one power-of-attorney procedure and the account it would activate.</summary>
    public sealed record ProcuraRequest(Guid InstanceId, AppDbContext Db, JobRoomSteps Steps, ClaimsPrincipal User, CancellationToken Ct)
    {
        public async Task<(InstanceView Instance, JobRoomAccount Account)?> LoadAsync()
        {
            var instance = await InstanceReader.FindAsync(Db, InstanceId, Ct);
            if (instance is not { DefinitionId: AccountRequests.PowerOfAttorney }) return null;
            var account = await Db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.RequestInstanceId == InstanceId, Ct);
            return account is null ? null : (instance, account);
        }

        public FireTrigger Trigger(JobRoomAccount account, string trigger, JsonObject? payload = null, long? expectedVersion = null) =>
            new(InstanceId, trigger, WorkflowActors.From(User, account.RegisterEntryId), payload, expectedVersion);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LetterAsync(Guid instanceId, AppDbContext db, CancellationToken ct) =>
        await InstanceReader.DocumentNamedAsync(db, instanceId, ProcuraLetter.DocumentName, ct) is { } letter
            ? TypedResults.File(letter.Content, letter.ContentType, letter.FileName)
            : JobRoomSetup.NotFound();

    // The upload window (reminder, expiry) is the definition's: jobroom.procuraWindow runs in the step itself.
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> DispatchedAsync([AsParameters] ProcuraRequest r) =>
        await r.LoadAsync() is (_, var account)
            ? TypedResults.Ok(await r.Steps.FireAsync(r.Trigger(account, PowerOfAttorneyTriggers.Dispatched), r.Ct))
            : JobRoomSetup.NotFound();

    /// <summary>Stores the upload as the task page does, then fires <c>upload</c> with its id: the step's checks decide.</summary>
    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem, ProblemHttpResult>> UploadAsync([AsParameters] ProcuraRequest r,
        HttpRequest request, FileFormCatalog forms, TimeProvider clock)
    {
        if (await r.LoadAsync() is not (var instance, var account) || account.UserId != (r.User.UserId() ?? ""))
            return JobRoomSetup.NotFound();
        var errors = new FieldErrors();
        var form = request.HasFormContentType ? await request.ReadFormAsync(r.Ct) : null;
        var field = forms.Get(UploadForm)?.Field(SignedProcuraPrefix)
                    ?? throw new InvalidOperationException($"The form '{UploadForm}' has no file field '{SignedProcuraPrefix}'.");
        var file = form?.Files[SignedProcuraPrefix];
        if (file is null || file.Length == 0)
            return errors.Add(SignedProcuraPrefix, "Allegare il file.", "Attach the file.").ToProblem();
        var upload = await FormInput.ReadFileAsync(field, file, errors, r.Ct);
        if (upload is null) return errors.ToProblem();
        // Each upload is kept (evidence of what was rejected); the workflow points at the latest.
        return TypedResults.Ok(await r.Steps.FireAfterAsync(() =>
        {
            var document = Inbox.TaskDocuments.Store(r.Db, r.InstanceId, instance.CompanyId, upload, account.UserId, clock.GetUtcNow());
            return r.Trigger(account, PowerOfAttorneyTriggers.Upload, new JsonObject { [SignedProcuraPrefix] = document.ToString() });
        }, saveFirst: false, r.Ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SignedCopyAsync([AsParameters] ProcuraRequest r)
    {
        if (await r.LoadAsync() is not (_, var account) || !(JobRoomAccess.IsSecoDesk(r.User) || account.UserId == (r.User.UserId() ?? "")))
            return JobRoomSetup.NotFound();
        return await InstanceReader.LatestDocumentAsync(r.Db, r.InstanceId, SignedProcuraPrefix, r.Ct) is { } latest
            ? TypedResults.File(latest.Content, latest.ContentType, latest.FileName)
            : JobRoomSetup.NotFound();
    }

    // The activation and the renewals it resumes on verification, a new upload window on rejection: all in the definition.
    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> VerifyAsync([AsParameters] ProcuraRequest r) =>
        await r.LoadAsync() is (_, var account)
            ? TypedResults.Ok(await r.Steps.FireAsync(r.Trigger(account, PowerOfAttorneyTriggers.Verify), r.Ct))
            : JobRoomSetup.NotFound();

    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> RejectAsync([AsParameters] ProcuraRequest r,
        [FromBody] RejectProcuraInput input) =>
        await r.LoadAsync() is (_, var account)
            ? TypedResults.Ok(await r.Steps.FireAsync(r.Trigger(account, PowerOfAttorneyTriggers.Reject,
                new JsonObject { ["reason"] = input.Reason?.Trim() }, input.ExpectedVersion), r.Ct))
            : JobRoomSetup.NotFound();
}
