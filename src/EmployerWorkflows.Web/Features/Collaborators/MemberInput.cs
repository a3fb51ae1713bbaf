using EmployerWorkflows.Web.Features.Companies;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>Enabling a person for a company, as administrator or collaborator.</summary>
public sealed record MemberInput(
    string? CodiceFiscale,
    MembershipKind Kind,
    RelationshipKind Relationship,
    bool DataProcessingAuthorised,
    IReadOnlyList<ProfileInput>? Profiles);

/// <summary>A profile on the whole company (<see cref="UnitId"/> null) or on one organisational unit.</summary>
public sealed record ProfileInput(string? Profile, Guid? UnitId);

public sealed record ProfilesUpdate(IReadOnlyList<ProfileInput>? Profiles, RelationshipKind Relationship, bool DataProcessingAuthorised, long ExpectedVersion);

public sealed record MemberView(
    Guid Id, string UserId, string CodiceFiscale, string Name, string Kind, string Status, string Relationship,
    bool DataProcessingAuthorised, DateOnly? RelationshipEndedOn, IReadOnlyList<ProfileInput> Profiles, long Version);

public static class MemberProfiles
{
    /// <summary>Checks every requested profile against the matrix and the member's situation; field-named errors.</summary>
    public static Validation.FieldErrors Check(IReadOnlyList<ProfileInput>? profiles, Company company, Membership member)
    {
        var errors = new Validation.FieldErrors();
        if (member.Kind == MembershipKind.Collaborator && (profiles is null || profiles.Count == 0))
            errors.Add("profiles", "Assegna almeno un profilo al collaboratore.", "Give the collaborator at least one profile.");
        var seen = new HashSet<(string?, Guid?)>();
        for (var i = 0; i < (profiles?.Count ?? 0); i++)
        {
            var p = profiles![i];
            if (p is null)
            {
                errors.Add($"profiles[{i}]", "Profilo mancante: indica il profilo o togli la voce vuota.", "Missing profile: give one or remove the empty entry.");
                continue;
            }
            errors.Add($"profiles[{i}]", ProfileRules.Check(p.Profile, p.UnitId, company, member));
            if (!seen.Add((p.Profile, p.UnitId)))
                errors.Add($"profiles[{i}]", "Profilo ripetuto sullo stesso livello.", "Profile repeated at the same level.");
        }
        return errors;
    }

    public static List<ProfileAssignment> ToAssignments(IReadOnlyList<ProfileInput>? profiles, Guid membershipId) =>
        (profiles ?? []).Select(p => new ProfileAssignment { MembershipId = membershipId, Profile = p.Profile!, UnitId = p.UnitId }).ToList();

    public static string Describe(IEnumerable<ProfileAssignment> profiles, Company company) =>
        string.Join(", ", profiles.Select(p => p.UnitId is null
            ? $"{p.Profile}@group"
            : $"{p.Profile}@{company.Units.FirstOrDefault(u => u.Id == p.UnitId)?.Name ?? p.UnitId.ToString()}"));
}
