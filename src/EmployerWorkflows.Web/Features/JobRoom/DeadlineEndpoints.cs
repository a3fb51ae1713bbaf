using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        api.MapGet("/unemployment-funds", Funds)
            .WithSummary("Lists the unemployment funds that grant deadline extensions")
            .WithDescription("From the configuration key JobRoom:UnemploymentFunds.");

        var deadline = api.MapGroup("/write-rights/{instanceId:guid}/deadline");
        deadline.MapPost("/extension-request", RequestAsync)
            .WithSummary("Asks the unemployment fund for an extension of the correction deadline")
            .WithDescription("The responsible person or the main administrator. The request is emailed to the chosen fund; reminders go on.");
        deadline.MapPost("/extension-granted", GrantedAsync)
            .WithSummary("Records the extension granted by the fund")
            .WithDescription("The responsible person, the main administrator or SecoDesk. The deadline moves to the new date " +
                             "(yyyy-MM-dd, later than the current one); the move is journaled and the reminders restart.");
        deadline.MapPost("/extension-refused", RefusedAsync)
            .WithSummary("Records that the fund refused the extension").WithDescription("The current deadline stays.");
    }

    public static Ok<List<FundView>> Funds(IOptions<JobRoomOptions> options) =>
        TypedResults.Ok(options.Value.UnemploymentFunds.Select(f => new FundView(f.Id, f.Name, f.Email)).ToList());

    /// <summary>A step of a renewal's correction deadline, worked by its participants.</summary>
    public sealed record DeadlineRequest(Guid InstanceId, WriteRightsAccess Access, JobRoomSteps Steps, ClaimsPrincipal User, CancellationToken Ct)
    {
        public async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> FireAsync(bool allowSecoDesk, string trigger, JsonObject? payload) =>
            await Access.AsDeadlineParticipantAsync(InstanceId, User, allowSecoDesk, Ct) is { } procedure
                ? TypedResults.Ok(await Steps.FireAsync(new FireTrigger(procedure.DeadlineInstanceId!.Value, trigger,
                    WorkflowActors.From(User, procedure.RegisterEntryId), payload), Ct))
                : JobRoomSetup.NotFound();
    }

    /// <summary>The fund must be one of the list and a reason is required: the step's own rules (<c>jobroom.chooseFund</c>).</summary>
    public static Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> RequestAsync([AsParameters] DeadlineRequest r,
        [FromBody] ExtensionRequestInput input) =>
        r.FireAsync(allowSecoDesk: false, CorrectionDeadlineTriggers.RequestExtension,
            new JsonObject { ["fundId"] = input.FundId?.Trim(), ["extensionReason"] = input.Reason?.Trim() });

    /// <summary>A later day than the current deadline, and the journaled move, are the step's (<c>jobroom.moveCorrectionDeadline</c>).</summary>
    public static Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> GrantedAsync([AsParameters] DeadlineRequest r,
        [FromBody] ExtensionGrantedInput input) =>
        r.FireAsync(allowSecoDesk: true, CorrectionDeadlineTriggers.ExtensionGranted, new JsonObject { ["newDeadline"] = input.NewDeadline?.Trim() });

    public static Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> RefusedAsync([AsParameters] DeadlineRequest r) =>
        r.FireAsync(allowSecoDesk: true, CorrectionDeadlineTriggers.ExtensionRefused, null);
}
