using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>Administrators and collaborators of a company, their profiles and what ends them.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/members").WithTags("Administrators and collaborators").RequireAuthorization();

        group.MapGet("/", async (Guid companyId, HttpContext http, AppDbContext db, CompanyAccess access, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                var members = await db.Set<Membership>().AsNoTracking().Include(m => m.Profiles).Where(m => m.CompanyId == companyId)
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u }).ToListAsync(ct);
                return Results.Ok(members.OrderBy(x => x.m.Kind).ThenBy(x => x.u.LastName).Select(x => MemberViews.From(x.m, x.u)).ToList());
            })
            .WithSummary("People of the company, with their profiles").Produces<List<MemberView>>();

        group.MapPost("/", async (Guid companyId, [FromBody] MemberInput input, HttpContext http, CompanyAccess access,
                EnableMember enable, CancellationToken ct) =>
            {
                var rights = await access.ForAsync(http.User, companyId, ct);
                if (rights is null) return Results.NotFound();
                if (!rights.CanManage) return Results.Forbid();
                var enabled = await enable.HandleAsync(companyId, input, rights, WorkflowActors.From(http.User, companyId), ct);
                return enabled.Succeeded
                    ? Results.Created($"/api/companies/{companyId}/members/{enabled.Value!.Id}", enabled.Value)
                    : enabled.ToHttp();
            })
            .WithSummary("Enable an administrator or a collaborator")
            .WithDescription("Only people who have logged in at least once can be enabled. Each profile must be allowed at its level "
                             + "(group or organisational unit) by the profile matrix; administration profiles need a stable relationship.")
            .Produces<MemberView>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapPut("/{memberId:guid}/profiles", async (Guid companyId, Guid memberId, [FromBody] ProfilesUpdate input, HttpContext http,
                CompanyAccess access, MemberActions actions, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await actions.UpdateProfilesAsync(companyId, memberId, input, WorkflowActors.From(http.User, companyId), ct))
                    .ToHttp(c => TypedResults.Ok(c.Member));
            })
            .WithSummary("Replace a person's profiles").Produces<MemberView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{memberId:guid}/end-relationship", EndRelationshipAsync)
            .WithSummary("Record the end of a person's relationship")
            .WithDescription("Starts the revocation procedure: privileges must be revoked within 5 days (configurable); administrators get "
                             + "reminders; at the deadline the account is suspended automatically and the agency informed.")
            .ProducesValidationProblem();

        group.MapPost("/{memberId:guid}/revoke", async (Guid companyId, Guid memberId, HttpContext http,
                CompanyAccess access, MemberActions actions, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await actions.RevokeAsync(companyId, memberId, WorkflowActors.From(http.User, companyId), ct)).ToHttp(c => TypedResults.Ok(c.Member));
            })
            .WithSummary("Revoke every privilege of a person at once").Produces<MemberView>().AnswersWorkflowRefusals();

        group.MapPost("/{memberId:guid}/role-change", async (Guid companyId, Guid memberId, [FromBody] RoleChange input, HttpContext http,
                CompanyAccess access, MemberActions actions, UserManager<AppUser> users, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await actions.ChangeRoleAsync(companyId, memberId, input.Description, (await users.GetUserAsync(http.User))!,
                    WorkflowActors.From(http.User, companyId), ct)).ToHttp(c => TypedResults.Ok(c.Procedure));
            })
            .WithSummary("Record a change of role or job").WithDescription("Opens a task to review the person's profiles (rule 39).")
            .AnswersWorkflowRefusals();

        group.MapPost("/{memberId:guid}/report-stolen-credentials", async (Guid companyId, Guid memberId, HttpContext http,
                CompanyAccess access, MemberActions actions, UserManager<AppUser> users, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await actions.ReportStolenCredentialsAsync(companyId, memberId, (await users.GetUserAsync(http.User))!,
                    WorkflowActors.From(http.User, companyId), ct)).ToHttp(c => TypedResults.Ok(c.Member));
            })
            .WithSummary("Report stolen credentials")
            .WithDescription("A collaborator loses every privilege at once; an administrator is suspended at once and the agency reviews the case.")
            .Produces<MemberView>();
        return app;
    }

    private static async Task<IResult> EndRelationshipAsync(Guid companyId, Guid memberId, [FromBody] EndOfRelationship input,
        HttpContext http, CompanyAccess access, MemberActions actions, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        return (await actions.EndRelationshipAsync(companyId, memberId, input.EndedOn, WorkflowActors.From(http.User, companyId), ct))
            .ToHttp(c => TypedResults.Ok(c.Procedure));
    }
}

public sealed record EndOfRelationship(DateOnly? EndedOn);

public sealed record RoleChange(string? Description);
