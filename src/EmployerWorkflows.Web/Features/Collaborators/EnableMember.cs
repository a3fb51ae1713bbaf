using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// An administrator enables a person for the company: a further administrator (rule 34) or a collaborator with
/// profiles (rule 37). Only people who have already logged in at least once can be enabled (rule 36).
/// </summary>
public sealed class EnableMember(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<MemberView>> HandleAsync(Guid companyId, MemberInput input, CompanyRights rights, Runtime.Execution.WorkflowActor actor, CancellationToken ct)
    {
        if (input.Kind == MembershipKind.Administrator && !rights.CanManage)
            return Outcome<MemberView>.Refused("Solo un amministratore può abilitare un altro amministratore.",
                "Only an administrator can enable another administrator.", StatusCodes.Status403Forbidden);
        var errors = new FieldErrors();
        if (CodiceFiscale.Validate(input.CodiceFiscale) is { } cfError)
            return Outcome<MemberView>.Invalid(errors.Add("codiceFiscale", cfError));
        var cf = CodiceFiscale.Parse(input.CodiceFiscale).Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.CodiceFiscale == cf, ct);
        if (user?.LastLoginAt is null)
            return Outcome<MemberView>.Invalid(errors.Add("codiceFiscale",
                "Questa persona non ha mai effettuato l'accesso al portale: può essere abilitata solo dopo il primo accesso come cittadino.",
                "This person has never logged in to the portal: they can be enabled only after their first login as a citizen."));
        if (await db.Set<Membership>().AnyAsync(m => m.CompanyId == companyId && m.UserId == user.Id, ct))
            return Outcome<MemberView>.Invalid(errors.Add("codiceFiscale", "La persona è già abilitata per questa azienda.", "The person is already enabled for this company."));

        var company = await CompaniesApi.Load(db, companyId, ct);
        var now = clock.GetUtcNow();
        var member = new Membership
        {
            CompanyId = companyId, UserId = user.Id, Kind = input.Kind, Relationship = input.Relationship,
            DataProcessingAuthorised = input.DataProcessingAuthorised, CreatedAt = now, CreatedByUserId = actor.UserId!,
        };
        if (input.Kind == MembershipKind.Administrator && input.Relationship != RelationshipKind.Stable)
            errors.Add("relationship", "Un amministratore deve avere un rapporto attivo e stabile con l'azienda.",
                "An administrator must have an active and stable relationship with the company.");
        var profiles = input.Kind == MembershipKind.Administrator && (input.Profiles is null || input.Profiles.Count == 0)
            ? [new ProfileInput(Profiles.Administrator, null)]
            : input.Profiles;
        var profileErrors = MemberProfiles.Check(profiles, company, member);
        if (errors.Any || profileErrors.Any) return Outcome<MemberView>.Invalid(errors.Any ? errors : profileErrors);

        member.Profiles = MemberProfiles.ToAssignments(profiles, member.Id);
        db.Add(member);
        JournalWriter.RecordOperation(db, actor, companyId, input.Kind == MembershipKind.Administrator ? "administrator.enable" : "collaborator.enable",
            $"{cf} enabled as {input.Kind} ({input.Relationship}); profiles: {MemberProfiles.Describe(member.Profiles, company)}.", now);
        await db.SaveChangesAsync(ct);
        return Outcome<MemberView>.Done(MemberViews.From(member, user));
    }
}

public static class MemberViews
{
    public static MemberView From(Membership m, AppUser user) => new(m.Id, m.UserId, user.CodiceFiscale, user.DisplayName,
        m.Kind.ToString(), m.Status.ToString(), m.Relationship.ToString(), m.DataProcessingAuthorised, m.RelationshipEndedOn,
        m.Profiles.Select(p => new ProfileInput(p.Profile, p.UnitId)).ToList(), m.Version);
}
