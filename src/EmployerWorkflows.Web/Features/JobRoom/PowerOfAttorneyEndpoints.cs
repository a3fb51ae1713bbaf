using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
            .WithDescription("SecoDesk only. A one-page PDF addressed to the postal address in the UID register.")
            .Produces(200, contentType: "application/pdf").ProducesProblem(404);

        poa.MapPost("/dispatched", DispatchedAsync).SecoDeskStep()
            .WithSummary("Records that the procura was posted")
            .WithDescription("SecoDesk only. From now the company has JobRoom:PowerOfAttorneyReminderDays days before a reminder " +
                             "and JobRoom:PowerOfAttorneyExpiryDays days before the request expires.")
            .Produces(200).ProducesProblem(404).ProducesProblem(409);

        poa.MapPost("/signed-procura", UploadAsync)
            .WithSummary("Uploads the procura signed by the company")
            .WithDescription("The person who asked for the account; multipart field 'signedProcura'. PDF, JPG or PNG recognised by " +
                             "content, up to JobRoom:MaxUploadMb. Goes to SecoDesk for verification.")
            .Accepts<IFormFile>("multipart/form-data").Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        poa.MapGet("/signed-procura", SignedCopyAsync)
            .WithSummary("Downloads the latest signed procura").WithDescription("SecoDesk or the person who asked for the account.")
            .Produces(200).ProducesProblem(404);

        poa.MapPost("/verify", (Guid instanceId, HttpContext http, CancellationToken ct) => DecideAsync(instanceId, null, http, ct))
            .SecoDeskStep()
            .WithSummary("Accepts the signed procura and activates the account")
            .WithDescription("SecoDesk only. The account becomes active (main administrator if it is the UID's first) and the person is informed by email.")
            .Produces(200).ProducesProblem(404).ProducesProblem(409);

        poa.MapPost("/reject", (Guid instanceId, RejectProcuraInput input, HttpContext http, CancellationToken ct) => DecideAsync(instanceId, input, http, ct))
            .SecoDeskStep()
            .WithSummary("Rejects the signed procura; the company may upload again")
            .WithDescription("SecoDesk only; the reason is emailed to the person and the upload deadlines start again.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<(WorkflowInstance Instance, JobRoomAccount Account)?> LoadAsync(AppDbContext db, Guid instanceId, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == instanceId && i.DefinitionId == AccountRequests.PowerOfAttorney, ct);
        var account = instance is null ? null : await db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.RequestInstanceId == instanceId, ct);
        return instance is null || account is null ? null : (instance, account);
    }

    private static async Task<IResult> LetterAsync(Guid instanceId, AppDbContext db, CancellationToken ct)
    {
        var letter = await db.Set<InstanceDocument>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.InstanceId == instanceId && d.Name == ProcuraLetter.DocumentName, ct);
        return letter is null ? JobRoomSetup.NotFound() : Results.File(letter.Content, letter.ContentType, letter.FileName);
    }

    // The upload window (reminder, expiry) is the definition's: jobroom.procuraWindow runs in the step itself.
    private static async Task<IResult> DispatchedAsync(Guid instanceId, AppDbContext db, IWorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await LoadAsync(db, instanceId, ct) is not (_, var account)) return JobRoomSetup.NotFound();
        return await JobRoomSetup.InTransactionAsync(db, async () => Results.Ok(await engine.FireAsync(db,
            new FireTrigger(instanceId, PowerOfAttorneyTriggers.Dispatched, WorkflowActors.From(user, account.RegisterEntryId)), ct)), ct);
    }

    /// <summary>Stores the upload as the task page does, then fires <c>upload</c> with its id: the step's checks decide.</summary>
    private static async Task<IResult> UploadAsync(Guid instanceId, HttpRequest request, AppDbContext db, IWorkflowEngine engine,
        FileFormCatalog forms, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, instanceId, ct) is not (var instance, var account) || account.UserId != (user.UserId() ?? ""))
            return JobRoomSetup.NotFound();
        var errors = new FieldErrors();
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var field = forms.Get(UploadForm)?.Field(SignedProcuraPrefix)
                    ?? throw new InvalidOperationException($"The form '{UploadForm}' has no file field '{SignedProcuraPrefix}'.");
        var file = form?.Files[SignedProcuraPrefix];
        if (file is null || file.Length == 0)
            return errors.Add(SignedProcuraPrefix, "Allegare il file.", "Attach the file.").ToResult();
        var upload = await FormInput.ReadFileAsync(field, file, errors, ct);
        if (upload is null) return errors.ToResult();
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            // Each upload is kept (evidence of what was rejected); the workflow points at the latest.
            var document = Inbox.TaskDocuments.Store(db, instanceId, instance.CompanyId, upload, account.UserId, clock.GetUtcNow());
            var result = await engine.FireAsync(db, new FireTrigger(instanceId, PowerOfAttorneyTriggers.Upload, WorkflowActors.From(user, account.RegisterEntryId),
                new JsonObject { [SignedProcuraPrefix] = document.Id.ToString() }), ct);
            return Results.Ok(result);
        }, ct);
    }

    private static async Task<IResult> SignedCopyAsync(Guid instanceId, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await LoadAsync(db, instanceId, ct) is not (_, var account) ||
            !(JobRoomAccess.IsSecoDesk(user) || account.UserId == (user.UserId() ?? "")))
            return JobRoomSetup.NotFound();
        var latest = await db.Set<InstanceDocument>().AsNoTracking()
            .Where(d => d.InstanceId == instanceId && d.Name.StartsWith(SignedProcuraPrefix))
            .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        return latest is null ? JobRoomSetup.NotFound() : Results.File(latest.Content, latest.ContentType, latest.FileName);
    }

    private static async Task<IResult> DecideAsync(Guid instanceId, RejectProcuraInput? reject, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        if (await LoadAsync(db, instanceId, ct) is not (_, var account)) return JobRoomSetup.NotFound();
        var engine = services.GetRequiredService<IWorkflowEngine>();
        var actor = WorkflowActors.From(http.User, account.RegisterEntryId);
        // A new upload window on rejection, the activation and the renewals it resumes on verification: all in the definition.
        var command = reject is null
            ? new FireTrigger(instanceId, PowerOfAttorneyTriggers.Verify, actor)
            : new FireTrigger(instanceId, PowerOfAttorneyTriggers.Reject, actor, new JsonObject { ["reason"] = reject.Reason?.Trim() }, reject.ExpectedVersion);
        return await JobRoomSetup.InTransactionAsync(db, async () => Results.Ok(await engine.FireAsync(db, command, ct)), ct);
    }
}
