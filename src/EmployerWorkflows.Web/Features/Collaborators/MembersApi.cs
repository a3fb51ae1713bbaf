using EmployerWorkflows.Runtime.Journal;
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
                return await enable.HandleAsync(companyId, input, rights, WorkflowActors.From(http.User, companyId), ct);
            })
            .WithSummary("Enable an administrator or a collaborator")
            .WithDescription("Only people who have logged in at least once can be enabled. Each profile must be allowed at its level "
                             + "(group or organisational unit) by the profile matrix; administration profiles need a stable relationship.")
            .Produces<MemberView>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapPut("/{memberId:guid}/profiles", async (Guid companyId, Guid memberId, [FromBody] ProfilesUpdate input, HttpContext http,
                AppDbContext db, CompanyAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                var (member, person) = await LoadAsync(db, companyId, memberId, ct);
                if (member is null) return Results.NotFound();
                if (member.Version != input.ExpectedVersion)
                    return Results.Problem(statusCode: 409, title: Localization.Lang.T("Qualcun altro ha modificato questi profili.", "Someone else has changed these profiles."));
                var company = await CompaniesApi.Load(db, companyId, ct);
                member.Relationship = input.Relationship;
                member.DataProcessingAuthorised = input.DataProcessingAuthorised;
                var errors = MemberProfiles.Check(input.Profiles, company, member);
                if (errors.Any) return errors.ToResult();
                var before = MemberProfiles.Describe(member.Profiles, company);
                db.RemoveRange(member.Profiles);
                member.Profiles = MemberProfiles.ToAssignments(input.Profiles, member.Id);
                member.Version++;
                JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "collaborator.profiles",
                    $"Profiles of {person!.CodiceFiscale}: {before} → {MemberProfiles.Describe(member.Profiles, company)}.", clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return Results.Ok(MemberViews.From(member, person));
            })
            .WithSummary("Replace a person's profiles").Produces<MemberView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{memberId:guid}/end-relationship", EndRelationshipAsync)
            .WithSummary("Record the end of a person's relationship")
            .WithDescription("Starts the revocation procedure: privileges must be revoked within 5 days (configurable); administrators get "
                             + "reminders; at the deadline the account is suspended automatically and the agency informed.")
            .ProducesValidationProblem();

        group.MapPost("/{memberId:guid}/revoke", async (Guid companyId, Guid memberId, HttpContext http, AppDbContext db,
                CompanyAccess access, MemberProcedures procedures, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                var (member, person) = await LoadAsync(db, companyId, memberId, ct);
                if (member is null) return Results.NotFound();
                var company = await CompaniesApi.Load(db, companyId, ct);
                await procedures.RevokeAsync(company, member, person!, "revoked by an administrator", WorkflowActors.From(http.User, companyId), ct);
                return Results.Ok(MemberViews.From(member, person!));
            })
            .WithSummary("Revoke every privilege of a person at once").Produces<MemberView>().AnswersWorkflowRefusals();

        group.MapPost("/{memberId:guid}/role-change", async (Guid companyId, Guid memberId, [FromBody] RoleChange input, HttpContext http,
                AppDbContext db, CompanyAccess access, MemberProcedures procedures, UserManager<AppUser> users, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                var (member, person) = await LoadAsync(db, companyId, memberId, ct);
                if (member is null) return Results.NotFound();
                var errors = new FieldErrors().Required("description", input.Description, "Nuovo ruolo o mansione", "New role or job").MaxLength("description", input.Description, 1000);
                if (errors.Any) return errors.ToResult();
                var company = await CompaniesApi.Load(db, companyId, ct);
                var me = (await users.GetUserAsync(http.User))!;
                return Results.Ok(await procedures.RecordRoleChangeAsync(
                    company, member, person!, me, input.Description!.Trim(), WorkflowActors.From(http.User, companyId), ct));
            })
            .WithSummary("Record a change of role or job").WithDescription("Opens a task to review the person's profiles (rule 39).")
            .AnswersWorkflowRefusals();

        group.MapPost("/{memberId:guid}/report-stolen-credentials", async (Guid companyId, Guid memberId, HttpContext http, AppDbContext db,
                CompanyAccess access, MemberProcedures procedures, UserManager<AppUser> users, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                var (member, person) = await LoadAsync(db, companyId, memberId, ct);
                if (member is null) return Results.NotFound();
                var company = await CompaniesApi.Load(db, companyId, ct);
                var actor = WorkflowActors.From(http.User, companyId);
                if (member.Kind == MembershipKind.Collaborator)
                    await procedures.RevokeAsync(company, member, person!, "credentials reported stolen", actor, ct);
                else
                    await procedures.SuspendForStolenCredentialsAsync(company, member, person!, (await users.GetUserAsync(http.User))!, actor, ct);
                return Results.Ok(MemberViews.From(member, person!));
            })
            .WithSummary("Report stolen credentials")
            .WithDescription("A collaborator loses every privilege at once; an administrator is suspended at once and the agency reviews the case.")
            .Produces<MemberView>();
        return app;
    }

    // Shared by the endpoint and the administration page.
    internal static async Task<IResult> EndRelationshipAsync(Guid companyId, Guid memberId, [FromBody] EndOfRelationship input,
        HttpContext http, AppDbContext db, CompanyAccess access, MemberProcedures procedures, TimeProvider clock, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        var (member, person) = await LoadAsync(db, companyId, memberId, ct);
        if (member is null) return Results.NotFound();
        var errors = new FieldErrors();
        if (input.EndedOn is null)
            errors.Add("endedOn", "Indica la data di fine del rapporto.", "Give the date the relationship ended.");
        else if (input.EndedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(60)))
            errors.Add("endedOn", "La data è troppo lontana nel futuro.", "The date is too far in the future.");
        if (member.RelationshipEndedOn is not null)
            errors.Add("endedOn", "La fine del rapporto è già stata registrata.", "The end of the relationship has already been recorded.");
        if (errors.Any) return errors.ToResult();
        var company = await CompaniesApi.Load(db, companyId, ct);
        return Results.Ok(await procedures.RecordEndOfRelationshipAsync(
            company, member, person!, input.EndedOn!.Value, WorkflowActors.From(http.User, companyId), ct));
    }

    private static async Task<(Membership? Member, AppUser? Person)> LoadAsync(AppDbContext db, Guid companyId, Guid memberId, CancellationToken ct)
    {
        var member = await db.Set<Membership>().Include(m => m.Profiles).SingleOrDefaultAsync(m => m.Id == memberId && m.CompanyId == companyId, ct);
        return member is null ? (null, null) : (member, await db.Users.SingleAsync(u => u.Id == member.UserId, ct));
    }
}

public sealed record EndOfRelationship(DateOnly? EndedOn);

public sealed record RoleChange(string? Description);
