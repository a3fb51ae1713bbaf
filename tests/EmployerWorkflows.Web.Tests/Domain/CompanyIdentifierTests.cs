using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Tests.Domain;

public class PartitaIvaTests
{
    [Theory]
    [InlineData("12345670371")]
    [InlineData("07123450012")] // office 001
    [InlineData("24680241205")] // office 120
    [InlineData("91000120377")] // non-VAT entity, office 037
    public void Parse_Accepts_WhenValid(string code) => Assert.Equal(code, PartitaIva.Parse(code).Value);

    [Fact]
    public void Parse_StripsViesPrefixAndSpaces() => Assert.Equal("12345670371", PartitaIva.Parse(" IT 1234567 0371").Value);

    [Theory]
    [InlineData("12345670372", "check digit")]
    [InlineData("12345671502", "Office code 150")]
    [InlineData("00000000372", "seven zeros")]
    [InlineData("1234567037", "11 digits")]
    [InlineData("1234567037A", "11 digits")]
    public void Validate_ExplainsTheProblem_WhenInvalid(string code, string reason)
    {
        var error = PartitaIva.Validate(code);
        Assert.Contains(reason, error!.Value.English);
        Assert.False(string.IsNullOrWhiteSpace(error.Value.Italian));
    }

    [Fact]
    public void Validate_RefusesOfficeAbove095_WhenNonVatEntity()
    {
        var body = "9100012999";
        var code = body + PartitaIva.LuhnCheckDigit(body + "0");
        Assert.Contains("095", PartitaIva.Validate(code)!.Value.English);
    }
}

public class CompanyCodiceFiscaleTests
{
    [Theory]
    [InlineData("12345670371", false)]
    [InlineData("prvtst90a01a944g", true)]
    public void Parse_AcceptsCompanyOrSoleTraderCode(string code, bool soleTrader) =>
        Assert.Equal(soleTrader, CompanyCodiceFiscale.Parse(code).IsSoleTrader);

    [Theory]
    [InlineData("12345")]
    [InlineData("PRVTST90A01A944A")]
    [InlineData("12345670372")]
    public void Validate_Refuses_WhenNeitherFormIsValid(string code) => Assert.NotNull(CompanyCodiceFiscale.Validate(code));
}

public class SwissUidTests
{
    [Theory]
    [InlineData("CHE-109.322.551", "CHE109322551")]
    [InlineData("CHE109322551", "CHE109322551")]
    [InlineData("che-123.456.788 MWST", "CHE123456788")]
    [InlineData("CHE-471.108.156 HR", "CHE471108156")]
    [InlineData("CHE-109.322.551 TVA", "CHE109322551")]
    public void Parse_NormalisesFormatsAndStripsSuffixes(string input, string expected) =>
        Assert.Equal(expected, SwissUid.Parse(input).Value);

    [Fact]
    public void Display_UsesDashesAndDots() => Assert.Equal("CHE-109.322.551", SwissUid.Parse("CHE109322551").Display);

    [Theory]
    [InlineData("CHE-109.322.552", "check digit")]
    [InlineData("CHE-100.000.160", "is ever issued")]
    [InlineData("CHE-100.000.169", "is ever issued")]
    [InlineData("CHF-109.322.551", "CHE-123.456.789")]
    [InlineData("CHE-109.322.55", "CHE-123.456.789")]
    public void Validate_ExplainsTheProblem_WhenInvalid(string input, string reason) =>
        Assert.Contains(reason, SwissUid.Validate(input)!.Value.English);
}

public class RisNumberTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("A12345678")]
    public void TryParse_Accepts_EightDigitsWithOptionalLetter(string input) => Assert.True(RisNumber.TryParse(input, out _));

    [Theory]
    [InlineData("1234567")]
    [InlineData("AB12345678")]
    [InlineData("123456789")]
    public void Validate_Refuses_OtherShapes(string input) => Assert.NotNull(RisNumber.Validate(input));
}

public class ItalianMobileTests
{
    [Theory]
    [InlineData("3361111111", "3361111111")]
    [InlineData("+39 336 111 1111", "3361111111")]
    [InlineData("0039 320 123 4567", "3201234567")]
    [InlineData("333123456", "333123456")]
    [InlineData("3101234567", "3101234567")]
    public void TryParse_NormalisesToNationalNumber(string input, string nsn)
    {
        Assert.True(ItalianMobile.TryParse(input, out var mobile));
        Assert.Equal(nsn, mobile.NationalNumber);
        Assert.Equal("+39" + nsn, mobile.E164);
    }

    [Theory]
    [InlineData("06 1234 5678")]
    [InlineData("33612345")]
    [InlineData("+41 79 123 45 67")]
    [InlineData("4312345678")]
    [InlineData("336123456789")]
    public void Validate_Refuses_NonMobileNumbers(string input) => Assert.NotNull(ItalianMobile.Validate(input));
}
