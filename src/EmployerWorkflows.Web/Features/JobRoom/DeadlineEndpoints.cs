using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record ExtensionRequestInput(string? FundId, string? Reason);

public sealed record ExtensionGrantedInput(string? NewDeadline);

public sealed record FundView(string Id, string Name, string Email);

/// <summary>
/// The correction deadline of a renewal (rule 8): reminders while it runs, an extension asked from the competent
/// unemployment fund by email, and the deadline moved (journaled) when the fund grants it.
/// </summary>
internal static class DeadlineEndpoints
{
    public static void MapDeadlineEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/unemployment-funds", (IOptions<JobRoomOptions> options) =>
                Results.Ok(options.Value.UnemploymentFunds.Select(f => new FundView(f.Id, f.Name, f.Email))))
            .WithSummary("Lists the unemployment funds that grant deadline extensions")
            .WithDescription("From the configuration key JobRoom:UnemploymentFunds.").Produces<List<FundView>>();

        var deadline = api.MapGroup("/write-rights/{instanceId:guid}/deadline");
        deadline.MapPost("/extension-request", RequestAsync)
            .WithSummary("Asks the unemployment fund for an extension of the correction deadline")
            .WithDescription("The responsible person or the main administrator. The request is emailed to the chosen fund; reminders go on.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        deadline.MapPost("/extension-granted", GrantedAsync)
            .WithSummary("Records the extension granted by the fund")
            .WithDescription("The responsible person, the main administrator or SecoDesk. The deadline moves to the new date " +
                             "(yyyy-MM-dd, later than the current one); the move is journaled and the reminders restart.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        deadline.MapPost("/extension-refused", RefusedAsync)
            .WithSummary("Records that the fund refused the extension").WithDescription("The current deadline stays.")
            .Produces(200).ProducesProblem(404).ProducesProblem(409);
    }

    /// <summary>The fund must be one of the list and a reason is required: the step's own rules (<c>jobroom.chooseFund</c>).</summary>
    private static async Task<IResult> RequestAsync(Guid instanceId, ExtensionRequestInput input, HttpContext http, CancellationToken ct) =>
        await ParticipantAsync(http, instanceId, allowSecoDesk: false, ct) is { } procedure
            ? await FireAsync(http, procedure, CorrectionDeadlineTriggers.RequestExtension,
                new JsonObject { ["fundId"] = input.FundId?.Trim(), ["extensionReason"] = input.Reason?.Trim() }, ct)
            : JobRoomSetup.NotFound();

    /// <summary>A later day than the current deadline, and the journaled move, are the step's (<c>jobroom.moveCorrectionDeadline</c>).</summary>
    private static async Task<IResult> GrantedAsync(Guid instanceId, ExtensionGrantedInput input, HttpContext http, CancellationToken ct) =>
        await ParticipantAsync(http, instanceId, allowSecoDesk: true, ct) is { } procedure
            ? await FireAsync(http, procedure, CorrectionDeadlineTriggers.ExtensionGranted, new JsonObject { ["newDeadline"] = input.NewDeadline?.Trim() }, ct)
            : JobRoomSetup.NotFound();

    private static async Task<IResult> RefusedAsync(Guid instanceId, HttpContext http, CancellationToken ct) =>
        await ParticipantAsync(http, instanceId, allowSecoDesk: true, ct) is { } procedure
            ? await FireAsync(http, procedure, CorrectionDeadlineTriggers.ExtensionRefused, null, ct)
            : JobRoomSetup.NotFound();

    private static async Task<IResult> FireAsync(HttpContext http, WriteRightsProcedure procedure, string trigger, JsonObject? payload,
        CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var engine = http.RequestServices.GetRequiredService<IWorkflowEngine>();
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            return Results.Ok(await engine.FireAsync(db, new FireTrigger(procedure.DeadlineInstanceId!.Value, trigger,
                WorkflowActors.From(http.User, procedure.RegisterEntryId), payload), ct));
        }, ct);
    }

    /// <summary>The renewal when the caller is its responsible person or the UID's main administrator (or SecoDesk, if allowed).</summary>
    private static async Task<WriteRightsProcedure?> ParticipantAsync(HttpContext http, Guid instanceId, bool allowSecoDesk, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var access = http.RequestServices.GetRequiredService<JobRoomAccess>();
        var procedure = await db.Set<WriteRightsProcedure>().AsNoTracking().SingleOrDefaultAsync(p => p.InstanceId == instanceId, ct);
        if (procedure?.DeadlineInstanceId is null) return null;
        var allowed = procedure.RequesterUserId == (http.User.UserId() ?? "")
                      || (allowSecoDesk && JobRoomAccess.IsSecoDesk(http.User))
                      || await access.IsMainAdministratorAsync(http.User, procedure.Uid, ct);
        return allowed ? procedure : null;
    }

    internal static Task<bool> IsRunningAsync(AppDbContext db, Guid instanceId, CancellationToken ct) =>
        db.Set<WorkflowInstance>().AnyAsync(i => i.Id == instanceId && i.Status == InstanceStatus.Running, ct);
}
