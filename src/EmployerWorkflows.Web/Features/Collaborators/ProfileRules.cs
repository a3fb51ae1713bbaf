using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>Whether a profile may be given at a level to a member of a company (rules 37, 38, 45).</summary>
public static class ProfileRules
{
    public static IdentifierError? Check(string? code, Guid? unitId, Company company, Membership member)
    {
        var profile = Profiles.Find(code);
        if (profile is null)
            return new($"Profilo sconosciuto: «{code}».", $"Unknown profile «{code}».");
        if (unitId is null && !profile.AtGroup)
            return new($"Il profilo «{profile.Name}» si assegna solo su unità organizzative, non sul gruppo.",
                $"The profile «{profile.Name}» can be given only on organisational units, not on the whole group.");
        if (unitId is not null && !profile.AtUnit)
            return new($"Il profilo «{profile.Name}» si assegna solo a livello di gruppo.",
                $"The profile «{profile.Name}» can be given only at group level.");
        if (unitId is { } u && company.Units.All(x => x.Id != u))
            return new("L'unità organizzativa indicata non appartiene all'azienda.", "The organisational unit does not belong to the company.");
        if (profile.ConventionOnly && !company.InConvention)
            return new($"Il profilo «{profile.Name}» è attivo solo per le aziende aderenti alle convenzioni.",
                $"The profile «{profile.Name}» is available only to companies in the conventions.");
        if (profile.AdministratorProfile && member.Relationship != RelationshipKind.Stable)
            return new("I profili di amministrazione richiedono un rapporto di lavoro attivo e stabile.",
                "Administration profiles require an active and stable working relationship.");
        if (member.Kind == MembershipKind.Collaborator && !member.DataProcessingAuthorised)
            return new("Il collaboratore deve essere autorizzato al trattamento dei dati personali per conto dell'azienda.",
                "The collaborator must be authorised to process personal data for the company.");
        if (!member.CanAct)
            return new("La persona è sospesa o revocata: non può ricevere profili.", "The person is suspended or revoked and cannot receive profiles.");
        return null;
    }
}
