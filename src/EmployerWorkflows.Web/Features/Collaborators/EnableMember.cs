using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>What enabling a person came to: the new member, the field errors, or a refusal of the caller's rights.</summary>
public sealed record EnableResult(MemberView? Member, FieldErrors? Errors, bool Forbidden)
{
    public static EnableResult Refused(FieldErrors errors) => new(null, errors, false);
}

/// <summary>
/// An administrator enables a person for the company: a further administrator (rule 34) or a collaborator with
/// profiles (rule 37). Only people who have already logged in at least once can be enabled (rule 36).
/// </summary>
public sealed class EnableMember(AppDbContext db, TimeProvider clock)
{
    /// <summary>The same as <see cref="EnableAsync"/>, as an HTTP result, for the administration page.</summary>
    public async Task<IResult> HandleAsync(Guid companyId, MemberInput input, CompanyRights rights, Runtime.Execution.WorkflowActor actor, CancellationToken ct) =>
        (await EnableAsync(companyId, input, rights, actor, ct)) switch
        {
            { Forbidden: true } => Results.Forbid(),
            { Errors: { } errors } => errors.ToResult(),
            { Member: var member } => Results.Created($"/api/companies/{companyId}/members/{member!.Id}", member),
        };

    public async Task<EnableResult> EnableAsync(Guid companyId, MemberInput input, CompanyRights rights, Runtime.Execution.WorkflowActor actor,
        CancellationToken ct)
    {
        if (input.Kind == MembershipKind.Administrator && !rights.CanManage) return new EnableResult(null, null, Forbidden: true);
        var errors = new FieldErrors();
        if (CodiceFiscale.Validate(input.CodiceFiscale) is { } cfError)
            return EnableResult.Refused(errors.Add("codiceFiscale", cfError));
        var cf = CodiceFiscale.Parse(input.CodiceFiscale).Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.CodiceFiscale == cf, ct);
        if (user?.LastLoginAt is null)
            return EnableResult.Refused(errors.Add("codiceFiscale",
                "Questa persona non ha mai effettuato l'accesso al portale: può essere abilitata solo dopo il primo accesso come cittadino.",
                "This person has never logged in to the portal: they can be enabled only after their first login as a citizen."));
        if (await db.Set<Membership>().AnyAsync(m => m.CompanyId == companyId && m.UserId == user.Id, ct))
            return EnableResult.Refused(errors.Add("codiceFiscale", "La persona è già abilitata per questa azienda.",
                "The person is already enabled for this company."));

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
        if (errors.Any || profileErrors.Any) return EnableResult.Refused(errors.Any ? errors : profileErrors);

        member.Profiles = MemberProfiles.ToAssignments(profiles, member.Id);
        db.Add(member);
        JournalWriter.RecordOperation(db, actor, companyId, input.Kind == MembershipKind.Administrator ? "administrator.enable" : "collaborator.enable",
            $"{cf} enabled as {input.Kind} ({input.Relationship}); profiles: {MemberProfiles.Describe(member.Profiles, company)}.", now);
        await db.SaveChangesAsync(ct);
        return new EnableResult(MemberViews.From(member, user), null, false);
    }
}

public static class MemberViews
{
    public static MemberView From(Membership m, AppUser user) => new(m.Id, m.UserId, user.CodiceFiscale, user.DisplayName,
        m.Kind.ToString(), m.Status.ToString(), m.Relationship.ToString(), m.DataProcessingAuthorised, m.RelationshipEndedOn,
        m.Profiles.Select(p => new ProfileInput(p.Profile, p.UnitId)).ToList(), m.Version);
}
