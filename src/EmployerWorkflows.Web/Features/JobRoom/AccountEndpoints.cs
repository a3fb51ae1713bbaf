using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;
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
                             "generated and the power-of-attorney workflow starts. The first account activated for a UID is its main administrator.")
            .Produces<AccountRequestView>(201).ProducesValidationProblem().ProducesProblem(409);

        api.MapGet("/accounts/mine", MineAsync)
            .WithSummary("Lists the caller's Job-Room accounts and requests").Produces<List<AccountView>>();

        api.MapPost("/access-requests/{instanceId:guid}/approve", (Guid instanceId, DecisionInput input, HttpContext http, CancellationToken ct) =>
                DecideAsync(instanceId, AccessRequestTriggers.Approve, input, http, ct))
            .WithSummary("The main administrator approves a person's access to the UID's account")
            .WithDescription("Only the main administrator of the UID. Activates the account, emails the person and resumes any " +
                             "write-rights renewal of theirs waiting for it.")
            .Produces(200).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/access-requests/{instanceId:guid}/refuse", (Guid instanceId, DecisionInput input, HttpContext http, CancellationToken ct) =>
                DecideAsync(instanceId, AccessRequestTriggers.Refuse, input, http, ct))
            .WithSummary("The main administrator refuses a person's access to the UID's account")
            .WithDescription("Only the main administrator of the UID; a reason is required and sent to the person.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> RequestAsync(AccountRequestInput input, AppDbContext db, IUidRegister register, AccountRequests requests,
        UserManager<AppUser> users, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(input.Uid));
        if (!JobRoomVariables.IsEmail(input.Email))
            errors.Add("email", "Indicare un indirizzo e-mail valido.", "Give a valid email address.");
        if (errors.Any) return errors.ToResult();
        var company = await register.FindAsync(SwissUid.Parse(input.Uid), ct);
        if (company is null)
            return new FieldErrors().Add("uid", "Questo numero IDI non è nel registro IDI.", "This UID is not in the UID register.").ToResult();
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("The logged-in user no longer exists.");
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            var result = await requests.RequestAsync(company, person, input.Email!, WorkflowActors.From(user, company.Id), ct);
            return result is null
                ? Results.Problem(statusCode: 409, title: Localization.Lang.T(
                    "Hai già un conto o una richiesta in corso per questo IDI.", "You already have an account or a pending request for this UID."))
                : Results.Created($"/api/jobroom/procedures/{result.InstanceId}",
                    new AccountRequestView(View(result.Account), result.InstanceId, result.Procedure));
        }, ct);
    }

    private static async Task<IResult> MineAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = (user.UserId() ?? "");
        var accounts = await db.Set<JobRoomAccount>().AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        return Results.Ok(accounts.Select(View).ToList());
    }

    private static async Task<IResult> DecideAsync(Guid instanceId, string trigger, DecisionInput input, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var access = services.GetRequiredService<JobRoomAccess>();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == instanceId && i.DefinitionId == AccountRequests.AccessRequest, ct);
        var account = instance is null ? null
            : await db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.RequestInstanceId == instanceId, ct);
        if (instance is null || account is null || !await access.IsMainAdministratorAsync(http.User, account.Uid, ct))
            return JobRoomSetup.NotFound();
        if (trigger == AccessRequestTriggers.Refuse && string.IsNullOrWhiteSpace(input.Reason))
            return new FieldErrors().Add("reason", "Indicare il motivo del rifiuto.", "Give the reason for refusing.").ToResult();
        var engine = services.GetRequiredService<IWorkflowEngine>();
        return await JobRoomSetup.InTransactionAsync(db, async () =>
        {
            var payload = trigger == AccessRequestTriggers.Refuse ? new JsonObject { ["reason"] = input.Reason!.Trim() } : null;
            // Activation and the renewals it resumes are the definition's (jobroom.activateAccount), on every path.
            return Results.Ok(await engine.FireAsync(db, new FireTrigger(instanceId, trigger, WorkflowActors.From(http.User, account.RegisterEntryId),
                payload, input.ExpectedVersion), ct));
        }, ct);
    }

    internal static AccountView View(JobRoomAccount a) =>
        new(a.Id, SwissUid.Parse(a.Uid).Display, a.Email, a.Status.ToString(), a.IsMainAdministrator, a.RequestInstanceId,
            a.ActivatedAt, a.LastUsedAt, a.LeftCompanyAt);
}
