using System.Globalization;
using EmployerWorkflows.Web.Features.Companies;

namespace EmployerWorkflows.Web.Tests.Companies;

public class CompanyInputValidatorTests
{
    public static CompanyInput Valid(string cf = "12345670371", params CompanyTypeInput[] types) => new(
        cf, "Officine Esempio Srl",
        new AddressInput("Via dell'Indipendenza 1", "40121", "Bologna", "BO", "IT"),
        "info@officine-esempio.it", "051 000000", "officine-esempio@pec.it",
        new LegalRepresentativeInput("Lucia", "Legale", "LGLRPP75H06A944H"),
        types.Length > 0 ? types : [new CompanyTypeInput("private-employer", null, null, null)]);

    [Fact]
    public void Validate_FindsNothing_WhenDataIsComplete() =>
        Assert.False(CompanyInputValidator.Validate(Valid(), registration: true).Any);

    [Fact]
    public void Validate_AcceptsSoleTraderPersonalCode() =>
        Assert.False(CompanyInputValidator.Validate(Valid("PRVTST90A01A944G"), registration: true).Any);

    [Theory]
    [InlineData("12345670372", "codiceFiscale")]
    [InlineData("123", "codiceFiscale")]
    public void Validate_FlagsCodiceFiscale_WhenInvalid(string cf, string field) =>
        Assert.Contains(field, CompanyInputValidator.Validate(Valid(cf), registration: true).ToDictionary().Keys);

    [Fact]
    public void Validate_FlagsEveryMissingRequiredField()
    {
        var errors = CompanyInputValidator.Validate(new CompanyInput(null, null, null, null, null, null, null, null), true).ToDictionary();
        foreach (var field in new[] { "codiceFiscale", "name", "registeredOffice.street", "registeredOffice.municipality",
                     "registeredOffice.postalCode", "registeredOffice.province", "email", "legalRepresentative.firstName",
                     "legalRepresentative.lastName", "legalRepresentative.codiceFiscale", "types" })
            Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Validate_RefusesUnknownDuplicateAndIncompatibleTypes()
    {
        var errors = CompanyInputValidator.Validate(Valid("12345670371",
            new("private-employer", null, null, null), new("public-employer", null, null, null),
            new("private-employer", null, null, null), new("space-agency", null, null, null)), true).ToDictionary();
        Assert.Contains("types[2].type", errors.Keys);
        Assert.Contains("types[3].type", errors.Keys);
        Assert.Contains(errors["types"], m => m.Contains("compatibili") || m.Contains("compatible"));
    }

    [Fact]
    public void Validate_RequiresRegisterDetails_ForIntermediariesAndAgencies()
    {
        var errors = CompanyInputValidator.Validate(Valid("12345670371",
            new("labour-consultant", null, null, null), new("temporary-work-agency", "Albo informatico", null, null)), true).ToDictionary();
        Assert.Contains("types[0].registerName", errors.Keys);
        Assert.Contains("types[0].registerNumber", errors.Keys);
        Assert.DoesNotContain("types[1].registerName", errors.Keys);
        Assert.Contains("types[1].registerNumber", errors.Keys);
    }

    [Fact]
    public void Validate_RefusesCodiceFiscaleChange_OnUpdate() =>
        Assert.Contains("codiceFiscale", CompanyInputValidator.Validate(Valid(), registration: false).ToDictionary().Keys);

    [Fact]
    public void Messages_FollowTheRequestLanguage()
    {
        var input = Valid() with { Email = "not-an-address" };
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            Assert.Equal("Invalid email address.", CompanyInputValidator.Validate(input, true).ToDictionary()["email"].Single());
            CultureInfo.CurrentUICulture = new CultureInfo("it-IT");
            Assert.Equal("Indirizzo email non valido.", CompanyInputValidator.Validate(input, true).ToDictionary()["email"].Single());
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
