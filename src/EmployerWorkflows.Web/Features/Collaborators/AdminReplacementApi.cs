using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
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

        group.MapPost("/", async ([FromBody] AdminReplacementRequest request, HttpContext http, AppDbContext db,
                UserManager<AppUser> users, IWorkflowEngine engine, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new FieldErrors().Add("companyCodiceFiscale", CompanyCodiceFiscale.Validate(request.CompanyCodiceFiscale))
                    .Required("reason", request.Reason, "Motivo della richiesta", "Reason for the request").MaxLength("reason", request.Reason, 2000);
                if (errors.Any) return errors.ToResult();
                var cf = CompanyCodiceFiscale.Parse(request.CompanyCodiceFiscale).Value;
                var company = await db.Set<Company>().SingleOrDefaultAsync(c => c.CodiceFiscale == cf && c.Status == CompanyStatus.Active, ct);
                if (company is null)
                    return errors.Add("companyCodiceFiscale", "Nessuna azienda attiva con questo codice fiscale.", "No active company has this codice fiscale.").ToResult();
                var me = (await users.GetUserAsync(http.User))!;
                if (await db.Set<Membership>().AnyAsync(m => m.CompanyId == company.Id && m.UserId == me.Id && m.Kind == MembershipKind.Administrator && m.Status == MembershipStatus.Active, ct))
                    return errors.Add("companyCodiceFiscale", "Sei già amministratore di questa azienda.", "You are already an administrator of this company.").ToResult();
                if (await db.Set<WorkflowInstance>().AnyAsync(i => i.DefinitionId == DefinitionId && i.CompanyId == company.Id && i.Status == InstanceStatus.Running, ct))
                    return errors.Add("companyCodiceFiscale", "Per questa azienda c'è già una richiesta di sostituzione in corso.", "A replacement request for this company is already open.").ToResult();

                var actor = WorkflowActors.From(http.User, company.Id);
                var oldAdministrators = await CompanyRecipients.AdministratorsAsync(db, company.Id, ct);
                DomainJournal.Record(db, actor, company.Id, "administrator.replacement-request", $"{me.CodiceFiscale} asks to become administrator: {request.Reason!.Trim()}", clock.GetUtcNow());
                var result = await engine.StartAsync(db, new StartWorkflow(DefinitionId, null, new JsonObject
                {
                    ["companyId"] = company.Id.ToString(),
                    ["company"] = new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = company.CodiceFiscale },
                    ["requester"] = CompanyRecipients.Of(me),
                    ["requestReason"] = request.Reason.Trim(),
                    ["oldAdministrators"] = oldAdministrators,
                }, company.Id.ToString(), company.Id, actor), ct);
                return Results.Created($"/api/admin-replacements/{result.InstanceId}", result);
            })
            .WithSummary("Ask to become administrator of a company whose administrator can no longer act")
            .Produces<WorkflowResult>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapPost("/{instanceId:guid}/disable-old", async (Guid instanceId, [FromBody] DisableOldAdministrator request, HttpContext http,
                AppDbContext db, IWorkflowEngine engine, CancellationToken ct) =>
            {
                var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId && i.DefinitionId == DefinitionId, ct);
                var task = instance is null ? null : await db.Set<WorkflowTask>().AsNoTracking()
                    .SingleOrDefaultAsync(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open, ct);
                if (instance is null || task is null || !Inbox.TaskAccess.CanWork(task, http.User)) return Results.NotFound();
                // Which administrator may be named is the step's check (admin.checkOldAdministrator), on every path.
                return await WorkflowProblems.RunAsync(async () => Results.Ok(await engine.FireAsync(new FireTrigger(instanceId, AdminReplacementTriggers.OldDisabled,
                    WorkflowActors.From(http.User, instance.CompanyId), new JsonObject { ["membershipId"] = request.MembershipId.ToString() },
                    request.ExpectedVersion, request.IdempotencyKey), ct)));
            })
            .WithSummary("Disable the old administrator")
            .WithDescription("The new administrator (or, after escalation, the agency) names the old administrator to revoke.")
            .Produces<WorkflowResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}

public sealed record AdminReplacementRequest(string? CompanyCodiceFiscale, string? Reason);

public sealed record DisableOldAdministrator(Guid MembershipId, long? ExpectedVersion, string? IdempotencyKey);
