using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Tests.Domain;

/// <summary>The identifiers tests give their own companies and people pass the product's checks and never repeat.</summary>
public sealed class IdentitiesTests
{
    private const int Many = 3000;

    [Fact]
    public void PartitaIva_IsValidAndUnique_WhenAskedManyTimes()
    {
        var all = Enumerable.Range(0, Many).Select(_ => Identities.PartitaIva()).ToList();

        Assert.All(all, p => Assert.Null(PartitaIva.Validate(p)));
        Assert.Equal(Many, all.Distinct().Count());
    }

    [Fact]
    public void CodiceFiscale_IsValidUniqueAndKeepsTheLetters_WhenAskedManyTimes()
    {
        var all = Enumerable.Range(0, Many).Select(_ => Identities.CodiceFiscale("MMBRAA")).ToList();

        Assert.All(all, cf => Assert.Null(CodiceFiscale.Validate(cf)));
        Assert.All(all, cf => Assert.StartsWith("MMBRAA", cf));
        Assert.Equal(Many, all.Distinct().Count());
    }

    [Fact]
    public void SwissUid_IsValidAndUnique_WhenAskedManyTimes()
    {
        var all = Enumerable.Range(0, Many).Select(_ => Identities.SwissUid()).ToList();

        Assert.All(all, uid => Assert.Null(SwissUid.Validate(uid)));
        Assert.Equal(Many, all.Distinct().Count());
    }

    [Fact]
    public void Identities_NeverMatchTheDemoUsersOrTheFixedTestCompany()
    {
        var people = Enumerable.Range(0, Many).Select(_ => Identities.CodiceFiscale("LGLRPP")).ToHashSet();
        var companies = Enumerable.Range(0, Many).Select(_ => Identities.PartitaIva()).ToHashSet();

        Assert.DoesNotContain("LGLRPP75H06A944H", people);
        Assert.DoesNotContain("12345670371", companies);
    }
}
