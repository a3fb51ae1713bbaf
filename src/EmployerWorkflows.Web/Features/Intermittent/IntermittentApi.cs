using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Intermittent;

public sealed record DraftRequest(Guid? RegistrationId, EmployerInput? Employer);
public sealed record EmployerChange(EmployerInput Employer, long? ExpectedVersion);
public sealed record LineRequest(string? WorkerCf, string? StartDate, string? EndDate, string? CoCode, long? ExpectedVersion);
public sealed record SendRequest(bool Confirm, long? ExpectedVersion);
public sealed record CallSelection(IReadOnlyList<Guid> CommunicationIds);
public sealed record CancellationRequest(IReadOnlyList<Guid> CallIds);

/// <summary>The services a handler of the feature needs, resolved per request.</summary>
public sealed record IntermittentServices(CallCommunications Communications, CallSending Sending, CallCancellations Cancellations);

/// <summary>Call communications, sending with receipt, and cancellation (rules 22–27).</summary>
internal static class IntermittentApi
{
    public static void MapCommunicationEndpoints(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/communications");
        c.MapGet("/", List).WithSummary("My communications, optionally only drafts (Bozza) or sent ones (Inviata)");
        c.MapPost("/", CreateDraft).WithSummary("Opens a draft communication")
            .WithDescription("Needs a registration approved by the help desk (403 before). A company's employer data is its own and read-only; " +
                             "a consultant gives the employer's codice fiscale, name and e-mail.");
        c.MapGet("/{id:guid}", Get).WithSummary("One communication with its calls");
        c.MapPut("/{id:guid}/employer", ChangeEmployer).WithSummary("Changes the employer of a consultant's draft");
        c.MapDelete("/{id:guid}", DeleteDraft).WithSummary("Deletes a draft; a sent communication cannot be deleted (409)");
        c.MapPost("/{id:guid}/lines", AddLine).WithSummary("Adds a call (worker, start, optional end) to a draft")
            .WithDescription("Worker codice fiscale and start date required; the end date is optional (a single day). At most 30 days, the start " +
                             "not in the past, no overlap with the worker's other active calls. The intermittent COs of the worker and employer " +
                             "are returned to choose a communication code from, with a warning when there are none.");
        c.MapPut("/{id:guid}/lines/{lineId:guid}", ChangeLine).WithSummary("Changes a call of a draft");
        c.MapDelete("/{id:guid}/lines/{lineId:guid}", DeleteLine).WithSummary("Removes a call from a draft");
        c.MapPost("/{id:guid}/send", Send).WithSummary("Sends a draft: needs confirm=true; gives the number, the PDF receipt and an email")
            .WithDescription("Every call is checked again. A sent communication can no longer be changed.");
        c.MapGet("/{id:guid}/receipt", ReceiptFile).WithSummary("The PDF receipt of a sent communication").Produces(200, contentType: "application/pdf");
        api.MapPost("/cancellable-calls", CancellableCalls).WithSummary("The calls of the selected sent communications, each with whether it can be cancelled");
        api.MapPost("/cancellations", Cancel).WithSummary("Cancels selected Attiva calls with a communication of type A")
            .WithDescription("Only calls in state Attiva and within the cancellation deadline (Intermittent:CancellationHours after the called day, " +
                             "default 48) can be cancelled; otherwise nothing is cancelled and each refused call is listed with its reason.");
    }

    private static string Me(ClaimsPrincipal user) => user.UserId() ?? "";

    public static async Task<Ok<IReadOnlyList<CommunicationSummary>>> List(CommunicationStatus? status, ClaimsPrincipal user,
        CallCommunications communications, CancellationToken ct) =>
        TypedResults.Ok(await communications.ListAsync(Me(user), status, ct));

    public static async Task<Results<Created<CommunicationView>, ValidationProblem, ProblemHttpResult>> CreateDraft(
        DraftRequest request, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.CreateDraftAsync(Me(user), request.RegistrationId, request.Employer, ct))
        .ToHttp(v => TypedResults.Created($"/api/intermittent/communications/{v.Id}", v));

    public static async Task<Results<Ok<CommunicationView>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.GetAsync(Me(user), id, ct)).ToHttp();

    public static async Task<Results<Ok<CommunicationView>, ValidationProblem, ProblemHttpResult>> ChangeEmployer(
        Guid id, EmployerChange request, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.UpdateEmployerAsync(Me(user), id, request.Employer, request.ExpectedVersion, ct)).ToHttp();

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteDraft(
        Guid id, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.DeleteDraftAsync(Me(user), id, ct)).ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Ok<LineSaved>, ValidationProblem, ProblemHttpResult>> AddLine(
        Guid id, LineRequest request, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.SaveLineAsync(Me(user), id, null, Input(request), request.ExpectedVersion, ct)).ToHttp();

    public static async Task<Results<Ok<LineSaved>, ValidationProblem, ProblemHttpResult>> ChangeLine(
        Guid id, Guid lineId, LineRequest request, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.SaveLineAsync(Me(user), id, lineId, Input(request), request.ExpectedVersion, ct)).ToHttp();

    public static async Task<Results<Ok<CommunicationView>, ValidationProblem, ProblemHttpResult>> DeleteLine(
        Guid id, Guid lineId, long? expectedVersion, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct) =>
        (await communications.DeleteLineAsync(Me(user), id, lineId, expectedVersion, ct)).ToHttp();

    public static async Task<Results<Ok<CommunicationView>, ValidationProblem, ProblemHttpResult>> Send(
        Guid id, SendRequest request, ClaimsPrincipal user, CallSending sending, CancellationToken ct) =>
        (await sending.SendAsync(Me(user), WorkflowActors.From(user), id, request.Confirm, request.ExpectedVersion, ct)).ToHttp();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReceiptFile(
        Guid id, ClaimsPrincipal user, CallCommunications communications, CancellationToken ct)
    {
        var found = await communications.LoadAsync(Me(user), id, ct);
        if (found is not ({ Receipt: { } receipt } communication, _))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Localization.Lang.T("Ricevuta non trovata.", "Receipt not found."));
        return TypedResults.File(receipt, "application/pdf", $"ricevuta-{communication.Number}.pdf");
    }

    public static async Task<Ok<IReadOnlyList<CancellableCall>>> CancellableCalls(CallSelection request, ClaimsPrincipal user,
        CallCancellations cancellations, CancellationToken ct) =>
        TypedResults.Ok(await cancellations.CallsAsync(Me(user), request.CommunicationIds ?? [], ct));

    public static async Task<Results<Created<CommunicationView>, ValidationProblem, ProblemHttpResult>> Cancel(
        CancellationRequest request, ClaimsPrincipal user, CallCancellations cancellations, CancellationToken ct) =>
        (await cancellations.CancelAsync(Me(user), WorkflowActors.From(user), request.CallIds ?? [], "web", ct))
        .ToHttp(v => TypedResults.Created($"/api/intermittent/communications/{v.Id}", v));

    private static CallLineInput Input(LineRequest r) => new(r.WorkerCf, r.StartDate, r.EndDate, r.CoCode);
}
