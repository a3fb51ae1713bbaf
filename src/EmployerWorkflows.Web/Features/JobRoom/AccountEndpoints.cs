using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record AccountRequestInput(string? Uid, string? Email);

public sealed record AccountView(Guid Id, string Uid, string Email, string Status, bool IsMainAdministrator, Guid? RequestInstanceId,
    DateTimeOffset? ActivatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? LeftCompanyAt);

public sealed record AccountRequestView(AccountView Account, Guid InstanceId, string Procedure);

public sealed record DecisionInput(string? Reason, long? ExpectedVersion);

/// <summary>Phase A from the company's side: asking for an account, and the main administrator's decisions.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts", RequestAsync)
            .WithSummary("Asks for a Job-Room account linked to a UID")
            .WithDescription("Phase A. If the UID already has an active account, the request becomes a task for its main administrator " +
                             "(workflow jobroom-access-request); otherwise a procura letter for the address in the UID register is " +
                             "generated and the power-of-attorney workflow starts. The first account activated for a UID is its main administrator.");

        api.MapGet("/accounts/mine", MineAsync)
            .WithSummary("Lists the caller's Job-Room accounts and requests");

        api.MapPost("/access-requests/{instanceId:guid}/approve", ApproveAsync)
            .WithSummary("The main administrator approves a person's access to the UID's account")
            .WithDescription("Only the main administrator of the UID. Activates the account, emails the person and resumes any " +
                             "write-rights renewal of theirs waiting for it.");

        api.MapPost("/access-requests/{instanceId:guid}/refuse", RefuseAsync)
            .WithSummary("The main administrator refuses a person's access to the UID's account")
            .WithDescription("Only the main administrator of the UID; a reason is required and sent to the person.");
    }

    public sealed record AccountRequest([property: FromBody] AccountRequestInput Body, JobRoomAccountStart Start, ClaimsPrincipal User,
        CancellationToken Ct);

    public static async Task<Results<Created<AccountRequestView>, ValidationProblem, ProblemHttpResult>> RequestAsync([AsParameters] AccountRequest r)
    {
        var input = r.Body;
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(input.Uid));
        if (!JobRoomVariables.IsEmail(input.Email))
            errors.Add("email", "Indicare un indirizzo e-mail valido.", "Give a valid email address.");
        if (errors.Any) return errors.ToProblem();
        return (await r.Start.StartAsync(SwissUid.Parse(input.Uid), input.Email!, r.User, r.Ct)).ToHttp(result =>
            TypedResults.Created($"/api/jobroom/procedures/{result.InstanceId}",
                new AccountRequestView(View(result.Account), result.InstanceId, result.Procedure)));
    }

    public static async Task<Ok<List<AccountView>>> MineAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? "";
        var accounts = await db.Set<JobRoomAccount>().AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        return TypedResults.Ok(accounts.Select(View).ToList());
    }

    /// <summary>A main administrator's decision on a person's access request to the UID's account.</summary>
    public sealed record DecisionRequest(Guid InstanceId, [property: FromBody] DecisionInput Body, AppDbContext Db, JobRoomAccess Access,
        JobRoomSteps Steps, ClaimsPrincipal User, CancellationToken Ct)
    {
        /// <summary>The account asked for, when the caller is the main administrator of its UID.</summary>
        public async Task<JobRoomAccount?> AccountAsync()
        {
            if (await InstanceReader.FindAsync(Db, InstanceId, Ct) is not { DefinitionId: AccountRequests.AccessRequest }) return null;
            var account = await Db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.RequestInstanceId == InstanceId, Ct);
            return account is not null && await Access.IsMainAdministratorAsync(User, account.Uid, Ct) ? account : null;
        }

        // Activation and the renewals it resumes are the definition's (jobroom.activateAccount), on every path.
        public async Task<WorkflowResult> FireAsync(JobRoomAccount account, string trigger, JsonObject? payload) =>
            await Steps.FireAsync(new FireTrigger(InstanceId, trigger, WorkflowActors.From(User, account.RegisterEntryId), payload,
                Body.ExpectedVersion), Ct);
    }

    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> ApproveAsync([AsParameters] DecisionRequest r) =>
        await r.AccountAsync() is { } account
            ? TypedResults.Ok(await r.FireAsync(account, AccessRequestTriggers.Approve, null))
            : JobRoomSetup.NotFound();

    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem, ProblemHttpResult>> RefuseAsync([AsParameters] DecisionRequest r)
    {
        if (await r.AccountAsync() is not { } account) return JobRoomSetup.NotFound();
        if (string.IsNullOrWhiteSpace(r.Body.Reason))
            return new FieldErrors().Add("reason", "Indicare il motivo del rifiuto.", "Give the reason for refusing.").ToProblem();
        return TypedResults.Ok(await r.FireAsync(account, AccessRequestTriggers.Refuse, new JsonObject { ["reason"] = r.Body.Reason.Trim() }));
    }

    internal static AccountView View(JobRoomAccount a) =>
        new(a.Id, SwissUid.Parse(a.Uid).Display, a.Email, a.Status.ToString(), a.IsMainAdministrator, a.RequestInstanceId,
            a.ActivatedAt, a.LastUsedAt, a.LeftCompanyAt);
}
