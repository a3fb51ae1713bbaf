using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class TransitionTitleTests
{
    private const string RejectTitle = "\"title\": { \"it\": \"Respingi\", \"en\": \"Reject\" }";

    private readonly DefinitionValidator _validator = new(
        new KnownNames(["registration-received", "integration-reminder"]),
        new KnownNames(["company-review", "company-integration"]),
        new KnownNames(["AgencyReviewer", "HelpDesk", "Company"]),
        [
            new DeclaredOperation("company.activate",
                new OperationInput("companyId", OperationInputType.Guid, true, "Company to activate"),
                new OperationInput("note", OperationInputType.String, false, "Journal note")),
        ],
        new JintExpressionEvaluator());

    private static string WithTitles(params (string Trigger, string It, string En)[] titles)
    {
        var json = SampleDefinitions.CompanyRegistration;
        foreach (var (trigger, it, en) in titles)
        {
            // Each pattern matches one transition: for approve, its second alternative (the one closing the array).
            var pattern = trigger switch
            {
                "approve" => "\\{ \"to\": \"AwaitingIntegration\" (\\})(?=\\s*\\])",
                "reject" => "\"requires\": \\[\"reason\"\\], \"roles\": \\[\"AgencyReviewer\"\\] (\\})",
                "requestIntegration" => "\"requestIntegration\": \\{ \"to\": \"AwaitingIntegration\" (\\})",
                _ => "\"resubmit\": \\{ \"to\": \"UnderReview\" (\\})",
            };
            var match = Assert.Single(Regex.Matches(json, pattern));
            var at = match.Groups[1].Index;
            json = json[..at] + $", \"title\": {{ \"it\": \"{it}\", \"en\": \"{en}\" }} " + json[at..];
        }

        return json;
    }

    private static string AllTitled() => WithTitles(
        ("approve", "Approva", "Approve"), ("reject", "Respingi", "Reject"),
        ("requestIntegration", "Chiedi integrazione", "Request more information"), ("resubmit", "Invia", "Send"));

    [Fact]
    public void Parse_ReadsTransitionTitle_WhenTransitionHasOne()
    {
        var definition = WorkflowDefinitionParser.Parse(WithTitles(("reject", "Respingi", "Reject"))).Definition!;

        var reject = Assert.Single(definition.States["UnderReview"].On["reject"]);
        Assert.Equal(new LocalizedText("Respingi", "Reject"), reject.Title);
    }

    [Fact]
    public void Parse_LeavesTitleEmpty_WhenTransitionHasNone()
    {
        var definition = WorkflowDefinitionParser.Parse(SampleDefinitions.CompanyRegistration).Definition!;

        Assert.Null(Assert.Single(definition.States["UnderReview"].On["reject"]).Title);
    }

    [Fact]
    public void Validate_ReportsSchemaError_WhenTransitionTitleLacksEnglish()
    {
        var json = WithTitles(("reject", "Respingi", "Reject")).Replace(RejectTitle, "\"title\": { \"it\": \"Respingi\" }", StringComparison.Ordinal);

        var check = _validator.Validate(json);

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors, e => e.Path.StartsWith("$.states.UnderReview.on.reject.title", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WarnsOnceForEachUntitledAction_WhenTasksOfferActionsWithoutTitles()
    {
        var check = _validator.Validate(WithTitles(("reject", "Respingi", "Reject")));

        Assert.True(check.IsValid);
        Assert.All(check.Warnings, w => Assert.Equal("action-without-title", w.Code));
        Assert.Equal(
            ["$.states.UnderReview.on.approve[0]", "$.states.UnderReview.on.requestIntegration", "$.states.AwaitingIntegration.on.resubmit"],
            check.Warnings.Select(w => w.Path));
    }

    [Fact]
    public void Validate_SuggestsTheReadableFallbackInTheWarning_WhenActionHasNoTitle()
    {
        var warning = _validator.Validate(SampleDefinitions.CompanyRegistration).Warnings
            .Single(w => w.Path == "$.states.UnderReview.on.requestIntegration");

        Assert.Contains("\"Request integration\"", warning.Message);
        Assert.Contains("\"Request integration\"", warning.Italian);
    }

    [Fact]
    public void Validate_GivesNoWarning_WhenEveryActionHasATitle()
    {
        var check = _validator.Validate(AllTitled());

        Assert.True(check.IsValid);
        Assert.Empty(check.Warnings);
    }

    [Fact]
    public void Validate_DoesNotWarn_WhenOnlyTimerTriggersLackTitles()
    {
        // "expire" is fired by a timer, never offered as a button.
        var check = _validator.Validate(AllTitled());

        Assert.DoesNotContain(check.Warnings, w => w.Path.Contains("expire", StringComparison.Ordinal));
        Assert.Null(check.Definition!.States["AwaitingIntegration"].On["expire"][0].Title);
    }

    [Fact]
    public void TriggerTitle_UsesTheTitleOfTheStateLeft_WhenGiven()
    {
        var definition = WorkflowDefinitionParser.Parse(AllTitled()).Definition!;

        Assert.Equal("Request more information", definition.TriggerTitle("requestIntegration", "UnderReview").For("en"));
        Assert.Equal("Chiedi integrazione", definition.TriggerTitle("requestIntegration", "UnderReview").For("it"));
    }

    [Fact]
    public void TriggerTitle_UsesTheFirstTitledAlternative_WhenTheFirstHasNoTitle()
    {
        // approve has two alternatives; only the second has a title in AllTitled().
        var definition = WorkflowDefinitionParser.Parse(AllTitled()).Definition!;

        Assert.Null(definition.States["UnderReview"].On["approve"][0].Title);
        Assert.Equal("Approva", definition.TriggerTitle("approve", "UnderReview").For("it"));
    }

    [Fact]
    public void TriggerTitle_FindsTheTriggerInAnotherState_WhenTheStateIsUnknown()
    {
        var definition = WorkflowDefinitionParser.Parse(AllTitled()).Definition!;

        Assert.Equal("Send", definition.TriggerTitle("resubmit", "NoLongerExists").For("en"));
    }

    [Theory]
    [InlineData("requestIntegration", "Request integration")]
    [InlineData("UnderReview", "Under review")]
    [InlineData("writeRightsUpdated", "Write rights updated")]
    [InlineData("sendUIDRequest", "Send UID request")]
    [InlineData("expire", "Expire")]
    [InlineData("kae_ffe-request", "Kae ffe request")]
    public void TriggerTitle_ReadsAsWords_WhenNoTransitionHasATitle(string name, string expected)
    {
        var definition = WorkflowDefinitionParser.Parse(SampleDefinitions.CompanyRegistration).Definition!;

        Assert.Equal(new LocalizedText(expected, expected), definition.TriggerTitle(name, "UnderReview"));
    }

    [Fact]
    public void StateTitle_ReadsAsWords_WhenStateHasNoTitle()
    {
        var definition = WorkflowDefinitionParser.Parse(SampleDefinitions.CompanyRegistration).Definition!;

        Assert.Equal("Awaiting integration", definition.StateTitle("AwaitingIntegration").For("it"));
        Assert.Equal("In revisione", definition.StateTitle("UnderReview").For("it"));
    }
}
