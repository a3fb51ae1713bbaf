using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>What an action on a person did: the person as they now are, the revocation deadline when one runs, and the procedure it started or moved.</summary>
public sealed record MemberChange(MemberView Member, RevocationDeadline? Deadline = null, WorkflowResult? Procedure = null);

/// <summary>
/// An administrator's actions on a person of the company (rules 37–43): edit profiles, end of relationship, revoke,
/// change of role, stolen credentials. The API and the people page both come here, after checking that the caller
/// manages the company; each answers in domain terms and leaves HTTP to its caller.
/// </summary>
public sealed class MemberActions(AppDbContext db, MemberProcedures procedures, TimeProvider clock, IConfiguration configuration)
{
    public async Task<Outcome<MemberChange>> UpdateProfilesAsync(Guid companyId, Guid memberId, ProfilesUpdate input, WorkflowActor actor, CancellationToken ct)
    {
        var (member, person) = await LoadAsync(companyId, memberId, ct);
        if (member is null) return Outcome<MemberChange>.NotFound();
        if (member.Version != input.ExpectedVersion)
            return Outcome<MemberChange>.Refused("Qualcun altro ha modificato questi profili.", "Someone else has changed these profiles.");
        var company = await CompaniesApi.Load(db, companyId, ct);
        member.Relationship = input.Relationship;
        member.DataProcessingAuthorised = input.DataProcessingAuthorised;
        var errors = MemberProfiles.Check(input.Profiles, company, member);
        if (errors.Any) return Outcome<MemberChange>.Invalid(errors);
        var before = MemberProfiles.Describe(member.Profiles, company);
        db.RemoveRange(member.Profiles);
        member.Profiles = MemberProfiles.ToAssignments(input.Profiles, member.Id);
        // The new rows carry their own ids, which EF would otherwise take for existing rows to update.
        db.AddRange(member.Profiles);
        member.Version++;
        JournalWriter.RecordOperation(db, actor, companyId, "collaborator.profiles",
            $"Profiles of {person!.CodiceFiscale}: {before} → {MemberProfiles.Describe(member.Profiles, company)}.", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<MemberChange>.Done(new(MemberViews.From(member, person)));
    }

    /// <summary>Starts the revocation procedure with the rule's deadline (rule 39).</summary>
    public async Task<Outcome<MemberChange>> EndRelationshipAsync(Guid companyId, Guid memberId, DateOnly? endedOn, WorkflowActor actor, CancellationToken ct)
    {
        var (member, person) = await LoadAsync(companyId, memberId, ct);
        if (member is null) return Outcome<MemberChange>.NotFound();
        if (CheckEndOfRelationship(member, endedOn) is { Any: true } errors) return Outcome<MemberChange>.Invalid(errors);
        var company = await CompaniesApi.Load(db, companyId, ct);
        var started = await procedures.RecordEndOfRelationshipAsync(company, member, person!, endedOn!.Value, actor, ct);
        return Outcome<MemberChange>.Done(new(MemberViews.From(member, person!), RevocationDeadline.For(endedOn.Value, configuration), started));
    }

    /// <summary>The checks of an end of relationship, also run before asking for confirmation so the page never confirms what would be refused.</summary>
    public FieldErrors CheckEndOfRelationship(Membership member, DateOnly? endedOn)
    {
        var errors = new FieldErrors();
        if (endedOn is null)
            errors.Add("endedOn", "Indica la data di fine del rapporto.", "Give the date the relationship ended.");
        else if (endedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(60)))
            errors.Add("endedOn", "La data è troppo lontana nel futuro.", "The date is too far in the future.");
        if (member.RelationshipEndedOn is not null)
            errors.Add("endedOn", "La fine del rapporto è già stata registrata.", "The end of the relationship has already been recorded.");
        return errors;
    }

    /// <summary>Every privilege removed at once; a pending revocation procedure is closed by its own step.</summary>
    public async Task<Outcome<MemberChange>> RevokeAsync(Guid companyId, Guid memberId, WorkflowActor actor, CancellationToken ct)
    {
        var (member, person) = await LoadAsync(companyId, memberId, ct);
        if (member is null) return Outcome<MemberChange>.NotFound();
        if (member.Status == MembershipStatus.Revoked)
            return Outcome<MemberChange>.Refused("I privilegi di questa persona sono già revocati.", "This person's privileges are already revoked.");
        var company = await CompaniesApi.Load(db, companyId, ct);
        await procedures.RevokeAsync(company, member, person!, "revoked by an administrator", actor, ct);
        return Outcome<MemberChange>.Done(new(MemberViews.From(member, person!)));
    }

    /// <summary>Opens the review of the person's profiles (rule 39).</summary>
    public async Task<Outcome<MemberChange>> ChangeRoleAsync(Guid companyId, Guid memberId, string? description, AppUser recordedBy,
        WorkflowActor actor, CancellationToken ct)
    {
        var (member, person) = await LoadAsync(companyId, memberId, ct);
        if (member is null) return Outcome<MemberChange>.NotFound();
        var errors = new FieldErrors().Required("description", description, "Nuovo ruolo o mansione", "New role or job").MaxLength("description", description, 1000);
        if (errors.Any) return Outcome<MemberChange>.Invalid(errors);
        var company = await CompaniesApi.Load(db, companyId, ct);
        var started = await procedures.RecordRoleChangeAsync(company, member, person!, recordedBy, description!.Trim(), actor, ct);
        return Outcome<MemberChange>.Done(new(MemberViews.From(member, person!), Procedure: started));
    }

    /// <summary>A collaborator loses every privilege at once; an administrator is suspended at once and the agency reviews (rule 43).</summary>
    public async Task<Outcome<MemberChange>> ReportStolenCredentialsAsync(Guid companyId, Guid memberId, AppUser reporter, WorkflowActor actor,
        CancellationToken ct)
    {
        var (member, person) = await LoadAsync(companyId, memberId, ct);
        if (member is null) return Outcome<MemberChange>.NotFound();
        var company = await CompaniesApi.Load(db, companyId, ct);
        if (member.Kind == MembershipKind.Collaborator)
        {
            await procedures.RevokeAsync(company, member, person!, "credentials reported stolen", actor, ct);
            return Outcome<MemberChange>.Done(new(MemberViews.From(member, person!)));
        }
        var started = await procedures.SuspendForStolenCredentialsAsync(company, member, person!, reporter, actor, ct);
        return Outcome<MemberChange>.Done(new(MemberViews.From(member, person!), Procedure: started));
    }

    public async Task<(Membership? Member, AppUser? Person)> LoadAsync(Guid companyId, Guid memberId, CancellationToken ct)
    {
        var member = await db.Set<Membership>().Include(m => m.Profiles).SingleOrDefaultAsync(m => m.Id == memberId && m.CompanyId == companyId, ct);
        return member is null ? (null, null) : (member, await db.Users.SingleAsync(u => u.Id == member.UserId, ct));
    }
}
