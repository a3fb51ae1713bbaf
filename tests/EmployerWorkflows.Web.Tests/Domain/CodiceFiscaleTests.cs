using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Tests.Domain;

public class CodiceFiscaleTests
{
    [Theory]
    [InlineData("PRVTST90A01A944G")] // man, Bologna
    [InlineData("SMPNNA85L55F205Z")] // woman: day 15 + 40
    [InlineData("PRVTST90A01A94QD")] // omocodia on the last Belfiore digit, check recomputed
    [InlineData("SMPLRA92E41Z133N")] // born abroad
    [InlineData("RVWMRA80A01H501H")]
    public void Parse_Accepts_WhenCodeIsValid(string code) =>
        Assert.Equal(code, CodiceFiscale.Parse(code).Value);

    [Fact]
    public void Parse_NormalisesToUpperCase_WhenInputHasSpacesAndLowerCase() =>
        Assert.Equal("PRVTST90A01A944G", CodiceFiscale.Parse("  prvtst90a01a944g ").Value);

    [Fact]
    public void Parse_AcceptsOmocodiaInEverySubstitutablePosition_WhenCheckCharacterMatches()
    {
        // Replace all 7 digits with their omocodia letters: 9→V 0→L, 0→L 1→M, 9→V 4→Q 4→Q.
        var body = "PRVTSTVLALMAVQQ";
        var code = body + CodiceFiscale.CheckCharacter(body);
        Assert.True(CodiceFiscale.TryParse(code, out var cf));
        Assert.False(cf!.IsFemale);
    }

    [Theory]
    [InlineData("PRVTST90A01A944A", "check character")] // wrong check character (G expected)
    [InlineData("PRVTST90F01A944S", "pattern")] // F is not a month letter
    [InlineData("SMPNNA85B70F205L", "birth date")] // day 70 → 30 February
    [InlineData("PRVTST90A01A94WT", "pattern")] // W is not an omocodia letter
    [InlineData("PRVTST90A01A944", "16 characters")]
    [InlineData("PRVTST90A01A944GX", "16 characters")]
    [InlineData("", "16 characters")]
    [InlineData("PRVTST90A00A944Z", "birth date")] // day 00
    [InlineData("PRVTST90A35A944Z", "birth date")] // 32–40 are not days
    [InlineData("PRVTST90A01K944G", "pattern")] // K is not a Belfiore letter
    public void Validate_ExplainsTheProblem_WhenCodeIsInvalid(string code, string expectedReason)
    {
        var error = CodiceFiscale.Validate(code);
        Assert.NotNull(error);
        Assert.Contains(expectedReason, error.Value.English);
        Assert.False(string.IsNullOrWhiteSpace(error.Value.Italian));
        Assert.False(CodiceFiscale.TryParse(code, out _));
    }

    [Fact]
    public void Validate_RejectsBelfioreZero_WhenNoOmocodiaLetters()
    {
        var body = "PRVTST90A01A000";
        var error = CodiceFiscale.Validate(body + CodiceFiscale.CheckCharacter(body));
        Assert.Contains("birthplace", error!.Value.English);
    }

    [Fact]
    public void Validate_AcceptsTwentyNinthFebruary_OnlyInYearsDivisibleByFour()
    {
        var leap = "PRVTST92B29A944";
        var notLeap = "PRVTST93B29A944";
        Assert.Null(CodiceFiscale.Validate(leap + CodiceFiscale.CheckCharacter(leap)));
        Assert.Contains("birth date", CodiceFiscale.Validate(notLeap + CodiceFiscale.CheckCharacter(notLeap))!.Value.English);
    }

    [Fact]
    public void IsFemale_IsTrue_WhenDayHasFortyAdded() =>
        Assert.True(CodiceFiscale.Parse("SMPNNA85L55F205Z").IsFemale);

    [Fact]
    public void Parse_Throws_WhenInvalid() =>
        Assert.Throws<FormatException>(() => CodiceFiscale.Parse("PRVTST90A01A944A"));
}
