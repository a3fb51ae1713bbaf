using System.Security.Claims;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
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

        group.MapGet("/", ListAsync)
            .WithSummary("People of the company, with their profiles");

        group.MapPost("/", EnableAsync)
            .WithSummary("Enable an administrator or a collaborator")
            .WithDescription("Only people who have logged in at least once can be enabled. Each profile must be allowed at its level "
                             + "(group or organisational unit) by the profile matrix; administration profiles need a stable relationship.");

        group.MapPut("/{memberId:guid}/profiles", ReplaceProfilesAsync)
            .WithSummary("Replace a person's profiles");

        group.MapPost("/{memberId:guid}/end-relationship", RecordEndOfRelationshipAsync)
            .WithSummary("Record the end of a person's relationship")
            .WithDescription("Starts the revocation procedure: privileges must be revoked within 5 days (configurable); administrators get "
                             + "reminders; at the deadline the account is suspended automatically and the agency informed.");

        group.MapPost("/{memberId:guid}/revoke", RevokeAsync)
            .WithSummary("Revoke every privilege of a person at once");

        group.MapPost("/{memberId:guid}/role-change", RoleChangeAsync)
            .WithSummary("Record a change of role or job").WithDescription("Opens a task to review the person's profiles (rule 39).");

        group.MapPost("/{memberId:guid}/report-stolen-credentials", ReportStolenCredentialsAsync)
            .WithSummary("Report stolen credentials")
            .WithDescription("A collaborator loses every privilege at once; an administrator is suspended at once and the agency reviews the case.");
        return app;
    }

    public static async Task<Results<Ok<List<MemberView>>, NotFound, ForbidHttpResult>> ListAsync(Guid companyId, AppDbContext db,
        CompanyAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var rights = await access.ForAsync(user, companyId, ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var members = await db.Set<Membership>().AsNoTracking().Include(m => m.Profiles).Where(m => m.CompanyId == companyId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u }).ToListAsync(ct);
        return TypedResults.Ok(members.OrderBy(x => x.m.Kind).ThenBy(x => x.u.LastName).Select(x => MemberViews.From(x.m, x.u)).ToList());
    }

    public static async Task<Results<Created<MemberView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> EnableAsync(Guid companyId,
        [FromBody] MemberInput input, ClaimsPrincipal user, CompanyAccess access, EnableMember enable, CancellationToken ct)
    {
        var rights = await access.ForAsync(user, companyId, ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var enabled = await enable.HandleAsync(companyId, input, rights, WorkflowActors.From(user, companyId), ct);
        return ManagerAnswers.Answer(enabled, member => TypedResults.Created($"/api/companies/{companyId}/members/{member.Id}", member));
    }

    /// <summary>A change to one person of the company, by someone who may manage it.</summary>
    public sealed record MemberRequest(Guid CompanyId, Guid MemberId, CompanyAccess Access, MemberActions Actions, ClaimsPrincipal User,
        CancellationToken Ct)
    {
        public WorkflowActor Actor => WorkflowActors.From(User, CompanyId);
    }

    public static Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> ReplaceProfilesAsync(
        [AsParameters] MemberRequest r, [FromBody] ProfilesUpdate input) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Actions.UpdateProfilesAsync(r.CompanyId, r.MemberId, input, r.Actor, r.Ct),
            c => TypedResults.Ok(c.Member), r.Ct);

    public static Task<Results<Ok<WorkflowResult>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RecordEndOfRelationshipAsync(
        [AsParameters] MemberRequest r, [FromBody] EndOfRelationship input) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Actions.EndRelationshipAsync(r.CompanyId, r.MemberId, input.EndedOn, r.Actor, r.Ct),
            c => TypedResults.Ok(c.Procedure!), r.Ct);

    public static Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RevokeAsync(
        [AsParameters] MemberRequest r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Actions.RevokeAsync(r.CompanyId, r.MemberId, r.Actor, r.Ct),
            c => TypedResults.Ok(c.Member), r.Ct);

    public static Task<Results<Ok<WorkflowResult>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RoleChangeAsync(
        [AsParameters] MemberRequest r, [FromBody] RoleChange input, UserManager<AppUser> users) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            async () => await r.Actions.ChangeRoleAsync(r.CompanyId, r.MemberId, input.Description, (await users.GetUserAsync(r.User))!, r.Actor, r.Ct),
            c => TypedResults.Ok(c.Procedure!), r.Ct);

    public static Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> ReportStolenCredentialsAsync(
        [AsParameters] MemberRequest r, UserManager<AppUser> users) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            async () => await r.Actions.ReportStolenCredentialsAsync(r.CompanyId, r.MemberId, (await users.GetUserAsync(r.User))!, r.Actor, r.Ct),
            c => TypedResults.Ok(c.Member), r.Ct);
}

public sealed record EndOfRelationship(DateOnly? EndedOn);

public sealed record RoleChange(string? Description);
