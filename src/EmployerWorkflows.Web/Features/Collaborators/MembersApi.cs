using System.Security.Claims;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
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

    public static async Task<Results<Created<MemberView>, ValidationProblem, NotFound, ForbidHttpResult>> EnableAsync(Guid companyId,
        [FromBody] MemberInput input, ClaimsPrincipal user, CompanyAccess access, EnableMember enable, CancellationToken ct)
    {
        var rights = await access.ForAsync(user, companyId, ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        return await enable.EnableAsync(companyId, input, rights, WorkflowActors.From(user, companyId), ct) switch
        {
            { Forbidden: true } => TypedResults.Forbid(),
            { Errors: { } errors } => errors.ToProblem(),
            { Member: var member } => TypedResults.Created($"/api/companies/{companyId}/members/{member!.Id}", member),
        };
    }

    /// <summary>A change to one person of the company, by someone who may manage it.</summary>
    public sealed record MemberRequest(Guid CompanyId, Guid MemberId, AppDbContext Db, CompanyAccess Access, MemberProcedures Procedures,
        ClaimsPrincipal User, CancellationToken Ct)
    {
        /// <summary>
        /// The person, when the caller may manage the company: 404 when they have no rights at all (nothing says it
        /// exists) or the person is not of the company, 403 when they see the company but may not manage it.
        /// </summary>
        public async Task<(bool Forbidden, Company? Company, Membership? Member, AppUser? Person)> LoadAsync()
        {
            var rights = await Access.ForAsync(User, CompanyId, Ct);
            if (rights is null) return (false, null, null, null);
            if (!rights.CanManage) return (true, null, null, null);
            var (member, person) = await MembersApi.LoadAsync(Db, CompanyId, MemberId, Ct);
            return member is null ? (false, null, null, null) : (false, await CompaniesApi.Load(Db, CompanyId, Ct), member, person);
        }

        public WorkflowActor Actor => WorkflowActors.From(User, CompanyId);
    }

    public static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> ReplaceProfilesAsync(
        Guid companyId, Guid memberId, [FromBody] ProfilesUpdate input, ClaimsPrincipal user, AppDbContext db, CompanyAccess access,
        TimeProvider clock, CancellationToken ct)
    {
        var rights = await access.ForAsync(user, companyId, ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var (member, person) = await LoadAsync(db, companyId, memberId, ct);
        if (member is null) return TypedResults.NotFound();
        if (member.Version != input.ExpectedVersion)
            return TypedResults.Problem(statusCode: 409, title: Localization.Lang.T("Qualcun altro ha modificato questi profili.", "Someone else has changed these profiles."));
        var company = await CompaniesApi.Load(db, companyId, ct);
        member.Relationship = input.Relationship;
        member.DataProcessingAuthorised = input.DataProcessingAuthorised;
        var errors = MemberProfiles.Check(input.Profiles, company, member);
        if (errors.Any) return errors.ToProblem();
        var before = MemberProfiles.Describe(member.Profiles, company);
        db.RemoveRange(member.Profiles);
        member.Profiles = MemberProfiles.ToAssignments(input.Profiles, member.Id);
        member.Version++;
        JournalWriter.RecordOperation(db, WorkflowActors.From(user, companyId), companyId, "collaborator.profiles",
            $"Profiles of {person!.CodiceFiscale}: {before} → {MemberProfiles.Describe(member.Profiles, company)}.", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberViews.From(member, person));
    }

    /// <summary>For the administration page, which reads the answer back; the endpoint is <see cref="RecordEndOfRelationshipAsync"/>.</summary>
    internal static async Task<IResult> EndRelationshipAsync(Guid companyId, Guid memberId, EndOfRelationship input,
        HttpContext http, AppDbContext db, CompanyAccess access, MemberProcedures procedures, TimeProvider clock, CancellationToken ct) =>
        (await RecordEndOfRelationshipAsync(new MemberRequest(companyId, memberId, db, access, procedures, http.User, ct), input, clock)).Result;

    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem, NotFound, ForbidHttpResult>> RecordEndOfRelationshipAsync(
        [AsParameters] MemberRequest r, [FromBody] EndOfRelationship input, TimeProvider clock)
    {
        var (forbidden, company, member, person) = await r.LoadAsync();
        if (forbidden) return TypedResults.Forbid();
        if (member is null) return TypedResults.NotFound();
        var errors = new FieldErrors();
        if (input.EndedOn is null)
            errors.Add("endedOn", "Indica la data di fine del rapporto.", "Give the date the relationship ended.");
        else if (input.EndedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(60)))
            errors.Add("endedOn", "La data è troppo lontana nel futuro.", "The date is too far in the future.");
        if (member.RelationshipEndedOn is not null)
            errors.Add("endedOn", "La fine del rapporto è già stata registrata.", "The end of the relationship has already been recorded.");
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await r.Procedures.RecordEndOfRelationshipAsync(company!, member, person!, input.EndedOn!.Value, r.Actor, r.Ct));
    }

    public static async Task<Results<Ok<MemberView>, NotFound, ForbidHttpResult>> RevokeAsync([AsParameters] MemberRequest r)
    {
        var (forbidden, company, member, person) = await r.LoadAsync();
        if (forbidden) return TypedResults.Forbid();
        if (member is null) return TypedResults.NotFound();
        await r.Procedures.RevokeAsync(company!, member, person!, "revoked by an administrator", r.Actor, r.Ct);
        return TypedResults.Ok(MemberViews.From(member, person!));
    }

    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem, NotFound, ForbidHttpResult>> RoleChangeAsync(
        [AsParameters] MemberRequest r, [FromBody] RoleChange input, UserManager<AppUser> users)
    {
        var (forbidden, company, member, person) = await r.LoadAsync();
        if (forbidden) return TypedResults.Forbid();
        if (member is null) return TypedResults.NotFound();
        var errors = new FieldErrors().Required("description", input.Description, "Nuovo ruolo o mansione", "New role or job")
            .MaxLength("description", input.Description, 1000);
        if (errors.Any) return errors.ToProblem();
        var me = (await users.GetUserAsync(r.User))!;
        return TypedResults.Ok(await r.Procedures.RecordRoleChangeAsync(company!, member, person!, me, input.Description!.Trim(), r.Actor, r.Ct));
    }

    public static async Task<Results<Ok<MemberView>, NotFound, ForbidHttpResult>> ReportStolenCredentialsAsync([AsParameters] MemberRequest r,
        UserManager<AppUser> users)
    {
        var (forbidden, company, member, person) = await r.LoadAsync();
        if (forbidden) return TypedResults.Forbid();
        if (member is null) return TypedResults.NotFound();
        if (member.Kind == MembershipKind.Collaborator)
            await r.Procedures.RevokeAsync(company!, member, person!, "credentials reported stolen", r.Actor, r.Ct);
        else
            await r.Procedures.SuspendForStolenCredentialsAsync(company!, member, person!, (await users.GetUserAsync(r.User))!, r.Actor, r.Ct);
        return TypedResults.Ok(MemberViews.From(member, person!));
    }

    private static async Task<(Membership? Member, AppUser? Person)> LoadAsync(AppDbContext db, Guid companyId, Guid memberId, CancellationToken ct)
    {
        var member = await db.Set<Membership>().Include(m => m.Profiles).SingleOrDefaultAsync(m => m.Id == memberId && m.CompanyId == companyId, ct);
        return member is null ? (null, null) : (member, await db.Users.SingleAsync(u => u.Id == member.UserId, ct));
    }
}

public sealed record EndOfRelationship(DateOnly? EndedOn);

public sealed record RoleChange(string? Description);
