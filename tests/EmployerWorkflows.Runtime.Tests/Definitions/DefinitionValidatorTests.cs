using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
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

    /// <summary>Replaces text that must occur exactly once in the sample, so a stale mutation cannot pass unnoticed.</summary>
    private static string Mutate(string from, string to)
    {
        var sample = SampleDefinitions.CompanyRegistration;
        var first = sample.IndexOf(from, StringComparison.Ordinal);
        Assert.True(first >= 0 && sample.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur once.");
        return sample.Replace(from, to, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BrokenDefinitions => new()
    {
        { "\"initial\": \"UnderReview\"", "\"initial\": \"Start\"", "$.initial", "unknown-initial-state" },
        { "\"reject\": { \"to\": \"Rejected\"", "\"reject\": { \"to\": \"Rejectd\"", "$.states.UnderReview.on.reject.to", "unknown-target-state" },
        { "\"Rejected\": { \"final\": true }", "\"Rejected\": { \"final\": true }, \"Archived\": { \"final\": true }", "$.states.Archived", "unreachable-state" },
        { "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }", "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }, \"park\": { \"to\": \"Parked\" }", "$.states.UnderReview.on.park.to", "unknown-target-state" },
        { "\"Rejected\": { \"final\": true }", "\"Rejected\": { \"final\": true, \"on\": { \"reopen\": { \"to\": \"UnderReview\" } } }", "$.states.Rejected.on", "final-state-has-transitions" },
        { "\"requestIntegration\"]", "\"requestIntegration\", \"hold\"]", "$.states.UnderReview.onEntry[0].actions[3]", "trigger-without-transition" },
        { "\"fire\": \"expire\"", "\"fire\": \"expired\"", "$.states.AwaitingIntegration.onEntry[2].fire", "trigger-without-transition" },
        { "\"escalate\": \"expire\"", "\"escalate\": \"escalate\"", "$.states.AwaitingIntegration.onEntry[3].escalate", "trigger-without-transition" },
        { "\"template\": \"registration-received\"", "\"template\": \"registration-recieved\"", "$.states.UnderReview.onEntry[1].template", "unknown-template" },
        { "\"operation\": \"company.activate\"", "\"operation\": \"company.enable\"", "$.states.Approved.onEntry[0].operation", "unknown-operation" },
        { "\"companyId\": \"vars.companyId\"", "\"companyId\": \"vars.companyId\", \"colour\": \"'red'\"", "$.states.Approved.onEntry[0].inputs.colour", "unknown-operation-input" },
        { "\"companyId\": \"vars.companyId\"", "\"note\": \"'ok'\"", "$.states.Approved.onEntry[0].inputs", "missing-operation-input" },
        { "\"form\": \"company-review\"", "\"form\": \"company-audit\"", "$.states.UnderReview.onEntry[0].form", "unknown-form" },
        { "\"role\": \"AgencyReviewer\", \"form\"", "\"role\": \"Reviewer\", \"form\"", "$.states.UnderReview.onEntry[0].role", "unknown-role" },
        { "null\", \"roles\": [\"AgencyReviewer\"]", "null\", \"roles\": [\"Auditor\"]", "$.states.UnderReview.on.approve[0].roles[0]", "unknown-role" },
        { "\"due\": \"P5D\"", "\"due\": \"5 days\"", "$.states.UnderReview.onEntry[0].due", "bad-duration" },
        { "\"due\": \"P5D\"", "\"due\": \"PT\"", "$.states.UnderReview.onEntry[0].due", "bad-duration" },
        { "\"first\": \"P2D\"", "\"first\": \"P\"", "$.states.AwaitingIntegration.onEntry[3].first", "bad-duration" },
        { "\"after\": \"P15D\"", "\"after\": \"P99999999999D\"", "$.states.AwaitingIntegration.onEntry[2].after", "bad-duration" },
        { "\"every\": \"P5D\"", "\"every\": \"P0D\"", "$.states.AwaitingIntegration.onEntry[3].every", "bad-duration" },
        { "\"id\": \"expiry\"", "\"id\": \"review\"", "$.states.AwaitingIntegration.onEntry[2].id", "duplicate-activity-id" },
        { "\"when\": \"vars.company.name !== null\"", "\"when\": \"vars.company.name !==\"", "$.states.UnderReview.on.approve[0].when", "guard-does-not-compile" },
        { "\"value\": \"vars.integrations + 1\"", "\"value\": \"vars.integrations + \"", "$.states.AwaitingIntegration.onEntry[0].value", "expression-does-not-compile" },
        { "\"to\": \"vars.submitterEmail\",\n", "\"to\": \"vars.submitterEmail)\",\n", "$.states.UnderReview.onEntry[1].to", "expression-does-not-compile" },
        { "\"role\": \"AgencyReviewer\", \"form\"", "\"form\"", "$.states.UnderReview.onEntry[0]", "task-needs-role-or-assignee" },
        { "\"after\": \"P15D\", ", "", "$.states.AwaitingIntegration.onEntry[2]", "timer-needs-after-or-at" },
        { "\"times\": 2, ", "", "$.states.AwaitingIntegration.onEntry[3].escalate", "escalate-needs-times" },
        { "\"activity\": \"setVariable\"", "\"activity\": \"assign\"", "$.states.AwaitingIntegration.onEntry[0].activity", "unknown-activity" },
        { "\"id\": \"company-registration\"", "\"id\": \"Company_Registration\"", "$.id", "schema" },
        { "\"priority\": \"high\"", "\"priority\": \"asap\"", "$.states.UnderReview.onEntry[0].priority", "schema" },
        { "\"form\": \"company-integration\",\n", "", "$.states.AwaitingIntegration.onEntry[1].form", "schema" },
        { "\"final\": true\n", "\"final\": true, \"color\": \"green\"\n", "$.states.Approved.color", "schema" },
        { "\"Rejected\": { \"final\": true }", "\"Rejected\": { \"final\": true }, \"Rejected\": { \"final\": true }", "$.states.Rejected", "duplicate-state" },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void Validate_ReportsExactlyThatError_WhenDefinitionHasOneMistake(string from, string to, string path, string code)
    {
        var check = _validator.Validate(Mutate(from, to));

        var error = Assert.Single(check.Errors);
        Assert.Equal((path, code), (error.Path, error.Code));
        Assert.False(check.IsValid);
    }

    [Fact]
    public void Validate_ReportsNoErrors_WhenDefinitionIsValid()
    {
        var check = _validator.Validate(SampleDefinitions.CompanyRegistration);

        Assert.Empty(check.Errors);
        Assert.True(check.IsValid);
        Assert.Equal("company-registration", check.Definition!.Id);
    }

    [Fact]
    public void Validate_ReportsInvalidJson_WhenTextIsTruncated()
    {
        var check = _validator.Validate(SampleDefinitions.CompanyRegistration[..200]);

        Assert.Equal(("$", "invalid-json"), (check.Errors.Single().Path, check.Errors.Single().Code));
        Assert.Null(check.Definition);
    }

    [Fact]
    public void Validate_ReportsStateWithoutWayToFinish_WhenStatesOnlyLoop()
    {
        var json = Mutate(
            "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }",
            "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }, \"park\": { \"to\": \"Parked\" } } }, \"Parked\": { \"on\": { \"poke\": { \"to\": \"Parked\" }");

        var error = Assert.Single(_validator.Validate(json).Errors);

        Assert.Equal(("$.states.Parked", "no-reachable-final-state"), (error.Path, error.Code));
    }

    [Fact]
    public void Validate_ReportsDeadEnd_WhenNonFinalStateHasNoTransitions()
    {
        var json = Mutate(
            "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }",
            "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }, \"park\": { \"to\": \"Parked\" } } }, \"Parked\": { \"on\": {");

        var error = Assert.Single(_validator.Validate(json).Errors);

        Assert.Equal(("$.states.Parked", "dead-end-state"), (error.Path, error.Code));
    }

    [Fact]
    public void Validate_ReportsMissingFinalState_WhenNoStateIsFinal()
    {
        const string json = """
            { "id": "loop", "title": { "it": "Ciclo", "en": "Loop" }, "initial": "A",
              "states": { "A": { "on": { "next": { "to": "B" } } }, "B": { "on": { "back": { "to": "A" } } } } }
            """;

        var error = Assert.Single(_validator.Validate(json).Errors);

        Assert.Equal(("$.states", "no-reachable-final-state"), (error.Path, error.Code));
    }

    [Fact]
    public void Validate_SaysWhatToDo_WhenTargetStateIsUnknown()
    {
        var check = _validator.Validate(Mutate("\"reject\": { \"to\": \"Rejected\"", "\"reject\": { \"to\": \"Rejectd\""));

        Assert.Contains("\"Rejectd\" is not defined", check.Errors.Single().Message);
    }

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void Validate_SaysTheSameInItalian_NamingTheSameThings(string from, string to, string path, string code)
    {
        var error = _validator.Validate(Mutate(from, to)).Errors.Single();

        Assert.Equal((path, code), (error.Path, error.Code));
        Assert.NotEqual(error.Message, error.Italian);
        Assert.Equal(error.Italian, error.In("it"));
        Assert.Equal(error.Message, error.In("en"));
        Assert.All(Quoted(error.Message), name => Assert.Contains(name, error.Italian));
    }

    [Fact]
    public void Validate_SaysWhatToDoInItalian_WhenTargetStateIsUnknown()
    {
        var check = _validator.Validate(Mutate("\"reject\": { \"to\": \"Rejected\"", "\"reject\": { \"to\": \"Rejectd\""));

        Assert.Contains("Lo stato di arrivo \"Rejectd\" non è definito", check.Errors.Single().Italian);
    }

    [Fact]
    public void Validate_TellsLineAndColumnInBothLanguages_WhenJsonIsBroken()
    {
        var error = _validator.Validate("{\n  \"id\": \"x\",\n  \"title\" \"oops\"\n}").Errors.Single();

        Assert.Contains("at line 3, column", error.Message);
        Assert.Contains("alla riga 3, colonna", error.Italian);
    }

    /// <summary>The names a message quotes: states, triggers, properties, values.</summary>
    private static IEnumerable<string> Quoted(string message) =>
        System.Text.RegularExpressions.Regex.Matches(message, "\"[^\"]+\"").Select(m => m.Value);

    [Fact]
    public void Validate_ReturnsDefinition_WhenOnlySemanticRulesFail()
    {
        var check = _validator.Validate(Mutate("\"form\": \"company-review\"", "\"form\": \"company-audit\""));

        Assert.NotNull(check.Definition);
        Assert.False(check.IsValid);
    }
}
