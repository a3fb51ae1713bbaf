using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>An <c>invoke</c> input written as a literal of the wrong type is refused at its path before anything runs.</summary>
public sealed class InvokeInputTypeTests
{
    private const string InputsPath = "$.states.Approved.onEntry[0].inputs";

    private readonly DefinitionValidator _validator = new(
        new KnownNames(["registration-received", "integration-reminder"]),
        new KnownNames(["company-review", "company-integration"]),
        new KnownNames(["AgencyReviewer", "HelpDesk", "Company"]),
        [
            new DeclaredOperation("company.activate",
                new OperationInput("companyId", OperationInputType.Guid, true, "Company to activate"),
                new OperationInput("note", OperationInputType.String, false, "Journal note"),
                new OperationInput("seats", OperationInputType.Number, false, "Seats"),
                new OperationInput("notify", OperationInputType.Boolean, false, "Notify"),
                new OperationInput("from", OperationInputType.Date, false, "Start"),
                new OperationInput("extra", OperationInputType.Object, false, "Extra")),
        ],
        new JintExpressionEvaluator());

    private DefinitionCheck WithInputs(string inputs) => _validator.Validate(SampleDefinitions.CompanyRegistration.Replace(
        "\"inputs\": { \"companyId\": \"vars.companyId\" }", $"\"inputs\": {{ {inputs} }}", StringComparison.Ordinal));

    public static TheoryData<string, string> IllTyped => new()
    {
        { "\"companyId\": \"'not-a-guid'\"", "companyId" },
        { "\"companyId\": \"null\"", "companyId" },
        { "\"companyId\": \"vars.companyId\", \"note\": \"42\"", "note" },
        { "\"companyId\": \"vars.companyId\", \"seats\": \"'5'\"", "seats" },
        { "\"companyId\": \"vars.companyId\", \"notify\": \"'yes'\"", "notify" },
        { "\"companyId\": \"vars.companyId\", \"from\": \"'next week'\"", "from" },
        { "\"companyId\": \"vars.companyId\", \"extra\": \"true\"", "extra" },
    };

    [Theory]
    [MemberData(nameof(IllTyped))]
    public void Validate_ReportsIllTypedInputAtItsPath_WhenLiteralCannotBeOfTheDeclaredType(string inputs, string name)
    {
        var error = Assert.Single(WithInputs(inputs).Errors);

        Assert.Equal(($"{InputsPath}.{name}", "ill-typed-operation-input"), (error.Path, error.Code));
    }

    [Fact]
    public void Validate_AcceptsLiteralsOfTheDeclaredTypes_WhenEveryInputFits()
    {
        var check = WithInputs("\"companyId\": \"'9b2f3c1e-0000-4000-8000-000000000001'\", \"note\": \"'approved'\", \"seats\": \"3\", " +
                               "\"notify\": \"false\", \"from\": \"'2026-12-31'\", \"extra\": \"({ a: 1 })\"");

        Assert.Empty(check.Errors);
    }

    [Fact]
    public void Validate_LeavesExpressionsToRunTime_WhenInputIsNotAPlainLiteral()
    {
        var check = WithInputs("\"companyId\": \"vars.companyId\", \"note\": \"'n' + 42\", \"seats\": \"vars.seats\", \"notify\": \"payload.notify\"");

        Assert.Empty(check.Errors);
    }

    [Fact]
    public void Validate_NamesExpectedTypeInBothLanguages_WhenLiteralIsIllTyped()
    {
        var error = Assert.Single(WithInputs("\"companyId\": \"'abc'\"").Errors);

        Assert.Contains("an id (GUID)", error.Message, StringComparison.Ordinal);
        Assert.Contains("un identificativo (GUID)", error.Italian, StringComparison.Ordinal);
    }
}
