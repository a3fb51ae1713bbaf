using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;

namespace EmployerWorkflows.Web.Tests.Companies;

public class ProfileRulesTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static Company Company(bool convention = false) => new() { InConvention = convention, Units = [new OrganisationalUnit { Id = Unit }] };
    private static Membership Collaborator(bool authorised = true) =>
        new() { Kind = MembershipKind.Collaborator, DataProcessingAuthorised = authorised };

    public static TheoryData<string, bool, bool> Matrix()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var p in Profiles.All) data.Add(p.Code, p.AtGroup, p.AtUnit);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Check_FollowsTheProfileLevelMatrix(string profile, bool atGroup, bool atUnit)
    {
        var member = new Membership { Kind = MembershipKind.Administrator, DataProcessingAuthorised = true };
        Assert.Equal(atGroup, ProfileRules.Check(profile, null, Company(convention: true), member) is null);
        Assert.Equal(atUnit, ProfileRules.Check(profile, Unit, Company(convention: true), member) is null);
    }

    [Fact]
    public void Check_RefusesStoricoCoOnAUnit_WithAClearMessage()
    {
        var error = ProfileRules.Check("storico-co-sare", Unit, Company(), Collaborator());
        Assert.Contains("only at group level", error!.Value.English);
        Assert.Contains("solo a livello di gruppo", error.Value.Italian);
    }

    [Fact]
    public void Check_RefusesConventionAdministrator_WhenCompanyIsNotInConvention() =>
        Assert.Contains("conventions", ProfileRules.Check(Profiles.ConventionAdministrator, null, Company(), new Membership { Kind = MembershipKind.Administrator })!.Value.English);

    [Fact]
    public void Check_RefusesAdministratorProfile_WhenRelationshipIsNotStable() =>
        Assert.NotNull(ProfileRules.Check(Profiles.Administrator, null, Company(),
            new Membership { Kind = MembershipKind.Collaborator, DataProcessingAuthorised = true, Relationship = RelationshipKind.Temporary }));

    [Fact]
    public void Check_RefusesCollaborator_NotAuthorisedToProcessPersonalData() =>
        Assert.Contains("personal data", ProfileRules.Check("gestione-co-sare", null, Company(), Collaborator(authorised: false))!.Value.English);

    [Fact]
    public void Check_RefusesUnitOfAnotherCompany() =>
        Assert.NotNull(ProfileRules.Check("gestione-co-sare", Guid.NewGuid(), Company(), Collaborator()));

    [Fact]
    public void Check_RefusesUnknownProfile() => Assert.NotNull(ProfileRules.Check("superuser", null, Company(), Collaborator()));
}
