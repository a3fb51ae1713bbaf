using EmployerWorkflows.Web.Features.Monitor;

namespace EmployerWorkflows.Web.Tests.Monitor;

public sealed class IncidentTextTests
{
    [Theory]
    [InlineData("it", "L'espressione ha superato il tempo massimo.")]
    [InlineData("en", "The expression ran past its time limit.")]
    public void For_GivesTheReadersHalf_WhenTheMessageIsWrittenInBothLanguages(string language, string expected) =>
        Assert.Equal(expected, IncidentText.For("L'espressione ha superato il tempo massimo. / The expression ran past its time limit.", language));

    [Fact]
    public void For_TranslatesTheGuardAndJavaScriptLeads_AndKeepsTheScriptsOwnWords() =>
        Assert.Equal("La condizione «vars.x.y» non è riuscita: Errore JavaScript: TypeError: x is null",
            IncidentText.For("Guard 'vars.x.y' failed: JavaScript error: TypeError: x is null", "it"));

    [Fact]
    public void For_KeepsTheEnglishLeads_WhenTheReaderIsEnglish() =>
        Assert.Equal("Guard 'vars.x.y' failed: The expression failed: bad input",
            IncidentText.For("Guard 'vars.x.y' failed: The expression failed: bad input", "en"));
}
