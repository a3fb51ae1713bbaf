using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class WorkflowDefinitionParserTests
{
    private static WorkflowDefinition ParseValid()
    {
        var check = WorkflowDefinitionParser.Parse(SampleDefinitions.CompanyRegistration);
        Assert.Empty(check.Errors);
        return check.Definition!;
    }

    private static DefinitionError SingleError(string json) =>
        Assert.Single(WorkflowDefinitionParser.Parse(json).Errors);

    [Fact]
    public void Parse_ReadsHeader_WhenDefinitionIsValid()
    {
        var definition = ParseValid();

        Assert.Equal("company-registration", definition.Id);
        Assert.Equal("Company registration", definition.Title.For("en"));
        Assert.Equal("UnderReview", definition.Initial);
        Assert.Equal("""{"name":null}""", definition.Variables["company"]!.ToJsonString());
    }

    [Fact]
    public void Parse_KeepsStatesInFileOrder_WhenDefinitionIsValid()
    {
        Assert.Equal(["UnderReview", "AwaitingIntegration", "Approved", "Rejected"], ParseValid().States.Keys);
    }

    [Fact]
    public void Parse_ReadsFinalStates_WhenMarkedFinal()
    {
        Assert.Equal(["Approved", "Rejected"], ParseValid().FinalStates);
    }

    [Fact]
    public void Parse_ReadsAlternativesInOrder_WhenTriggerHasTransitionArray()
    {
        var approve = ParseValid().States["UnderReview"].On["approve"];

        Assert.Equal(["Approved", "AwaitingIntegration"], approve.Select(t => t.To));
        Assert.Equal("vars.company.name !== null", approve[0].When);
        Assert.Equal(["AgencyReviewer"], approve[0].Roles);
    }

    [Fact]
    public void Parse_ReadsRequiredPayloadFields_WhenTransitionRequiresThem()
    {
        Assert.Equal(["reason"], Assert.Single(ParseValid().States["UnderReview"].On["reject"]).Requires);
    }

    [Fact]
    public void Parse_ReadsHumanTask_WithAllProperties()
    {
        var task = Assert.IsType<HumanTaskActivity>(ParseValid().States["UnderReview"].OnEntry[0]);

        Assert.Equal("review", task.Id);
        Assert.Equal("AgencyReviewer", task.Role);
        Assert.Equal("company-review", task.Form);
        Assert.Equal(["approve", "reject", "requestIntegration"], task.Actions);
        Assert.Equal("P5D", task.Due);
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal("Verifica registrazione", task.Title!.It);
    }

    [Fact]
    public void Parse_DefaultsPriorityToNormal_WhenTaskOmitsIt()
    {
        var task = Assert.IsType<HumanTaskActivity>(ParseValid().States["AwaitingIntegration"].OnEntry[1]);

        Assert.Equal(TaskPriority.Normal, task.Priority);
        Assert.Equal("vars.submitterUserId", task.Assignee);
    }

    [Fact]
    public void Parse_ReadsEveryActivityKind_InEntryOrder()
    {
        var definition = ParseValid();
        var kinds = definition.States.Values.SelectMany(s => s.OnEntry).Select(a => a.Kind);

        Assert.Equal(["humanTask", "sendEmail", "setVariable", "humanTask", "timer", "reminder", "invoke"], kinds);
    }

    [Fact]
    public void Parse_ReadsReminder_WithAllProperties()
    {
        var reminder = Assert.IsType<ReminderActivity>(ParseValid().States["AwaitingIntegration"].OnEntry[3]);

        Assert.Equal(new ReminderActivity("P5D", "P2D", "integration-reminder", "vars.submitterEmail", 2, "expire"), reminder);
    }

    [Fact]
    public void Parse_ReadsInvokeInputsAndResult_WhenGiven()
    {
        var invoke = Assert.IsType<InvokeActivity>(ParseValid().States["Approved"].OnEntry[0]);

        Assert.Equal("company.activate", invoke.Operation);
        Assert.Equal("vars.companyId", invoke.Inputs["companyId"]);
        Assert.Equal("activation", invoke.Result);
    }

    [Fact]
    public void Parse_ReportsInvalidJson_WhenTextIsNotJson()
    {
        var error = SingleError("{ \"id\": ");

        Assert.Equal(("$", "invalid-json"), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_ExplainsInvalidJsonInItalianWithoutTheParsersEnglish_WhenTextIsNotJson()
    {
        var error = SingleError("{\n  \"id\": \"x\" \"title\": {}\n}");

        Assert.Equal("Il documento non è JSON valido alla riga 2, colonna 13, vicino a «\"id\": \"x\" \"». Correggi la sintassi (virgolette, virgole, parentesi).",
            error.In("it"));
        Assert.StartsWith("The document is not valid JSON at line 2, column 13", error.In("en"));
    }

    [Fact]
    public void Parse_ReportsDuplicateState_WhenStateKeyRepeats()
    {
        var json = SampleDefinitions.CompanyRegistration.Replace(
            "\"Rejected\": { \"final\": true }", "\"Rejected\": { \"final\": true }, \"Rejected\": { \"final\": true }");

        var error = SingleError(json);

        Assert.Equal(("$.states.Rejected", "duplicate-state"), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_ReportsUnknownActivity_WithItsPath()
    {
        var json = SampleDefinitions.CompanyRegistration.Replace("\"activity\": \"sendEmail\"", "\"activity\": \"sendFax\"");

        var error = SingleError(json);

        Assert.Equal(("$.states.UnderReview.onEntry[1].activity", "unknown-activity"), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_ReportsMissingProperty_WhenTransitionHasNoTarget()
    {
        var json = SampleDefinitions.CompanyRegistration.Replace(
            "\"requestIntegration\": { \"to\": \"AwaitingIntegration\" }", "\"requestIntegration\": { }");

        var error = SingleError(json);

        Assert.Equal(("$.states.UnderReview.on.requestIntegration.to", "schema"), (error.Path, error.Code));
    }

    [Fact]
    public void Parse_ReturnsNoDefinition_WhenAnyErrorIsFound()
    {
        var json = SampleDefinitions.CompanyRegistration.Replace("\"priority\": \"high\"", "\"priority\": \"asap\"");

        var check = WorkflowDefinitionParser.Parse(json);

        Assert.Null(check.Definition);
        Assert.Equal(("$.states.UnderReview.onEntry[0].priority", "schema"), (check.Errors[0].Path, check.Errors[0].Code));
    }

    [Fact]
    public void Parse_QuotesPathSegments_WhenStateNameIsNotAnIdentifier()
    {
        var json = """{ "id": "x", "title": { "it": "x", "en": "x" }, "initial": "A", "states": { "in review": { "final": 3 } } }""";

        var errors = WorkflowDefinitionParser.Parse(json).Errors;

        Assert.Contains(("$.states['in review'].final", "schema"), errors.Select(e => (e.Path, e.Code)));
    }
}
