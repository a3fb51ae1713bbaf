using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Inbox;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// When the only administrator can no longer act (rule 35): a person asks to become administrator, the agency
/// verifies, the new administrator is enabled and must disable the old one, or the agency takes over.
/// </summary>
public static class AdminReplacementApi
{
    public const string DefinitionId = "admin-replacement";

    public static IEndpointRouteBuilder MapAdminReplacement(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin-replacements").WithTags("Administrator replacement").RequireAuthorization();

        group.MapPost("/", RequestAsync)
            .WithSummary("Ask to become administrator of a company whose administrator can no longer act");
        group.MapPost("/{instanceId:guid}/disable-old", DisableOldAsync)
            .WithSummary("Disable the old administrator")
            .WithDescription("The new administrator (or, after escalation, the agency) names the old administrator to revoke.");
        return app;
    }

    public sealed record ReplacementRequest([property: FromBody] AdminReplacementRequest Body, ClaimsPrincipal User, AppDbContext Db,
        UserManager<AppUser> Users, InstanceQueries Instances, IWorkflowEngine Engine, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Created<WorkflowResult>, ValidationProblem>> RequestAsync([AsParameters] ReplacementRequest r)
    {
        var (request, db, ct) = (r.Body, r.Db, r.Ct);
        var errors = new FieldErrors().Add("companyCodiceFiscale", CompanyCodiceFiscale.Validate(request.CompanyCodiceFiscale))
            .Required("reason", request.Reason, "Motivo della richiesta", "Reason for the request").MaxLength("reason", request.Reason, 2000);
        if (errors.Any) return errors.ToProblem();
        var cf = CompanyCodiceFiscale.Parse(request.CompanyCodiceFiscale).Value;
        var company = await db.Set<Company>().SingleOrDefaultAsync(c => c.CodiceFiscale == cf && c.Status == CompanyStatus.Active, ct);
        if (company is null)
            return errors.Add("companyCodiceFiscale", "Nessuna azienda attiva con questo codice fiscale.", "No active company has this codice fiscale.").ToProblem();
        var me = (await r.Users.GetUserAsync(r.User))!;
        if (await db.Set<Membership>().AnyAsync(m => m.CompanyId == company.Id && m.UserId == me.Id && m.Kind == MembershipKind.Administrator && m.Status == MembershipStatus.Active, ct))
            return errors.Add("companyCodiceFiscale", "Sei già amministratore di questa azienda.", "You are already an administrator of this company.").ToProblem();
        if (await r.Instances.AnyRunningAsync(DefinitionId, company.Id, ct))
            return errors.Add("companyCodiceFiscale", "Per questa azienda c'è già una richiesta di sostituzione in corso.", "A replacement request for this company is already open.").ToProblem();

        var actor = WorkflowActors.From(r.User, company.Id);
        var oldAdministrators = await CompanyRecipients.AdministratorsAsync(db, company.Id, ct);
        JournalWriter.RecordOperation(db, actor, company.Id, "administrator.replacement-request", $"{me.CodiceFiscale} asks to become administrator: {request.Reason!.Trim()}", r.Clock.GetUtcNow());
        var result = await r.Engine.StartAsync(db, new StartWorkflow(DefinitionId, null, new JsonObject
        {
            ["companyId"] = company.Id.ToString(),
            ["company"] = new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = company.CodiceFiscale },
            ["requester"] = CompanyRecipients.Of(me),
            ["requestReason"] = request.Reason.Trim(),
            ["oldAdministrators"] = oldAdministrators,
        }, company.Id.ToString(), company.Id, actor), ct);
        return TypedResults.Created($"/api/admin-replacements/{result.InstanceId}", result);
    }

    public sealed record DisableOldRequest(Guid InstanceId, [property: FromBody] DisableOldAdministrator Body, ClaimsPrincipal User,
        InstanceQueries Instances, TaskInbox Inbox, IWorkflowEngine Engine, CancellationToken Ct);

    public static async Task<Results<Ok<WorkflowResult>, NotFound>> DisableOldAsync([AsParameters] DisableOldRequest r)
    {
        var instance = await r.Instances.FindAsync(r.InstanceId, r.Ct);
        if (instance is not { DefinitionId: DefinitionId }) return TypedResults.NotFound();
        var reader = TaskReaders.For(r.User);
        var task = (await r.Inbox.ForInstanceAsync(r.InstanceId, r.Ct)).SingleOrDefault(t => t.IsOpen);
        if (task is null || !reader.CanWork(task)) return TypedResults.NotFound();
        // Which administrator may be named is the step's check (admin.checkOldAdministrator), on every path.
        return TypedResults.Ok(await r.Engine.FireAsync(new FireTrigger(r.InstanceId, AdminReplacementTriggers.OldDisabled,
            WorkflowActors.From(r.User, instance.CompanyId), new JsonObject { ["membershipId"] = r.Body.MembershipId.ToString() },
            r.Body.ExpectedVersion, r.Body.IdempotencyKey), r.Ct));
    }
}

public sealed record AdminReplacementRequest(string? CompanyCodiceFiscale, string? Reason);

public sealed record DisableOldAdministrator(Guid MembershipId, long? ExpectedVersion, string? IdempotencyKey);
