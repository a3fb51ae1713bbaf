using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity.Gateways;

namespace EmployerWorkflows.Web.Tests.Identity;

public sealed class GatewayIdentityTests
{
    private static ClaimsPrincipal Claims(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void Read_RefusesTheLevel_WhenSpidLevelIsOne()
    {
        var (person, refusal) = GatewayIdentity.Read(Claims(("fiscalNumber", "TINIT-PRVTST90A01A944G"), ("acr", "https://www.spid.gov.it/SpidL1")), GatewayKind.Spid);
        Assert.Null(person);
        Assert.Equal(GatewayRefusal.LevelTooLow, refusal);
    }

    [Fact]
    public void Read_GivesTheUpperCaseCodiceFiscaleAndNames_WhenSpidLevelIsThree()
    {
        var (person, refusal) = GatewayIdentity.Read(Claims(("fiscalNumber", "tinit-prvtst90a01a944g"), ("spidLevel", "https://www.spid.gov.it/SpidL3"),
            ("name", "Tecla"), ("familyName", "Prova")), GatewayKind.Spid);
        Assert.Null(refusal);
        Assert.Equal(("PRVTST90A01A944G", "Tecla", "Prova"), (person!.CodiceFiscale, person.FirstName, person.LastName));
    }

    [Fact]
    public void Read_AcceptsTheCard_WhenGatewayIsCnsWithoutLevel()
    {
        var (person, _) = GatewayIdentity.Read(Claims(("fiscalNumber", "TINIT-PRVTST90A01A944G")), GatewayKind.Cns);
        Assert.Equal("PRVTST90A01A944G", person?.CodiceFiscale);
    }

    [Fact]
    public void Read_RefusesTheCodiceFiscale_WhenTheTinitPrefixIsMissing()
    {
        var (_, refusal) = GatewayIdentity.Read(Claims(("fiscalNumber", "PRVTST90A01A944G"), ("acr", "https://www.spid.gov.it/SpidL2")), GatewayKind.Spid);
        Assert.Equal(GatewayRefusal.InvalidCodiceFiscale, refusal);
    }

    [Fact]
    public void Read_RefusesTheCodiceFiscale_WhenTheCheckCharacterIsWrong()
    {
        var (_, refusal) = GatewayIdentity.Read(Claims(("fiscalNumber", "TINIT-PRVTST90A01A944A"), ("acr", "https://www.spid.gov.it/SpidL2")), GatewayKind.Spid);
        Assert.Equal(GatewayRefusal.InvalidCodiceFiscale, refusal);
    }

    [Fact]
    public void Read_UsesTheFederationClaims_WhenTheGatewaySpeaksOidcFederation()
    {
        var (person, refusal) = GatewayIdentity.Read(Claims(("https://attributes.eid.gov.it/fiscal_number", "TINIT-PRVTST90A01A944G"),
            ("acr", "https://www.spid.gov.it/SpidL2")), GatewayKind.Cie);
        Assert.Null(refusal);
        Assert.Equal("PRVTST90A01A944G", person!.CodiceFiscale);
    }

    [Fact]
    public void Read_RefusesTheSignIn_WhenNoCodiceFiscaleIsGiven()
    {
        var (_, refusal) = GatewayIdentity.Read(Claims(("acr", "https://www.spid.gov.it/SpidL2")), GatewayKind.Spid);
        Assert.Equal(GatewayRefusal.MissingCodiceFiscale, refusal);
    }
}
