using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Tests.Procedures;

public sealed class WorkflowProblemsTests
{
    private static readonly WorkflowDefinition Registration = WorkflowDefinitionParser.Parse(
        File.ReadAllText(Path.Combine(ShippedWorkflows.Folder, "company-registration.workflow.json"))).Definition!;

    [Theory]
    [InlineData("it-IT", "Nello stato «In verifica dall'agenzia» sono possibili: «Approva», «Respingi», «Chiedi integrazione».")]
    [InlineData("en-GB", "In state «Under agency review» the possible actions are: «Approve», «Reject», «Request more information».")]
    public void TriggerNotPermitted_ListsTheStateAndActionsByTitle_InTheReadersLanguage(string culture, string detail)
    {
        var refused = new TriggerNotPermittedException("resubmit", "UnderReview", ["approve", "reject", "requestIntegration"], Registration);

        Assert.Equal(detail, DetailIn(culture, refused));
    }

    [Fact]
    public void TriggerNotPermitted_SaysNoActionIsPossible_WhenNoneIs()
    {
        var refused = new TriggerNotPermittedException("approve", "AwaitingIntegration", [], Registration);

        Assert.Equal("In state «Awaiting more information» no action is possible now.", DetailIn("en-GB", refused));
    }

    private static string? DetailIn(string culture, WorkflowException refused) => InCulture.Run(culture, () =>
    {
        var problem = Assert.IsType<ProblemHttpResult>(WorkflowProblems.ToResult(refused));
        Assert.Equal(409, problem.StatusCode);
        return problem.ProblemDetails.Detail;
    });
}
