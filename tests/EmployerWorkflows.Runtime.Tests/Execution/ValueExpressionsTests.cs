using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Tests.Support;

namespace EmployerWorkflows.Runtime.Tests.Execution;

public sealed class ValueExpressionsTests
{
    private static readonly JintExpressionEvaluator Jint = new();
    private static readonly ExpressionScope Scope = new(
        new JsonObject
        {
            ["applicant"] = new JsonObject { ["email"] = "anna@example.it", ["tags"] = new JsonArray("a", "b") },
            ["amount"] = 12.5, ["name"] = "Anna", ["count"] = 3, ["empty"] = null, ["flag"] = true,
        },
        new JsonObject { ["reason"] = "late" },
        Actors.Reviewer,
        RuntimeHost.Start);

    [Theory]
    [InlineData("vars.applicant")]
    [InlineData("vars.applicant.email")]
    [InlineData(" vars.amount ")]
    [InlineData("vars.missing")]
    [InlineData("vars.name.length")]
    [InlineData("payload.reason")]
    [InlineData("'someone@example.it'")]
    [InlineData("\"double quoted\"")]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("-3.5")]
    [InlineData("vars.amount * 2")]
    [InlineData("vars.applicant.tags.concat(['c'])")]
    public void Evaluate_GivesSameJsonAsSandbox_ForPathsLiteralsAndScripts(string expression)
    {
        var shortcut = new ValueExpressions(Jint).Evaluate(expression, Scope);

        Assert.Equal(Jint.Evaluate(expression, Scope)?.ToJsonString(), shortcut?.ToJsonString());
    }

    [Fact]
    public void Evaluate_FailsLikeSandbox_WhenPathGoesThroughUndefined()
    {
        var error = Assert.Throws<ExpressionException>(() => new ValueExpressions(Jint).Evaluate("vars.missing.deeper", Scope));

        Assert.Equal(ExpressionFailure.Runtime, error.Failure);
    }

    [Theory]
    [InlineData("vars.amount < 1000")]
    [InlineData("vars.amount >= 12.5")]
    [InlineData("vars.amount > 12.5")]
    [InlineData("vars.count <= 3")]
    [InlineData("vars.count === 3")]
    [InlineData("vars.count === '3'")]
    [InlineData("vars.count !== 3")]
    [InlineData("vars.name === 'Anna'")]
    [InlineData("vars.name < \"Bruno\"")]
    [InlineData("vars.name > 'anna'")]
    [InlineData("vars.empty === null")]
    [InlineData("vars.empty < 1")]
    [InlineData("vars.missing === null")]
    [InlineData("vars.missing !== null")]
    [InlineData("vars.missing < 1")]
    [InlineData("vars.flag === true")]
    [InlineData("vars.flag < 2")]
    [InlineData("vars.applicant === null")]
    [InlineData("vars.name.length > 3")]
    [InlineData("payload.reason === 'late'")]
    [InlineData("vars.amount < 1000 && vars.count > 1")]
    public void EvaluateGuard_GivesSameAnswerAsSandbox_ForComparisonsAndScripts(string guard)
    {
        var shortcut = new ValueExpressions(Jint).EvaluateGuard(guard, Scope);

        Assert.Equal(Jint.EvaluateGuard(guard, Scope), shortcut);
    }

    [Fact]
    public void EvaluateGuard_FailsLikeSandbox_WhenGuardIsNotBoolean()
    {
        var error = Assert.Throws<ExpressionException>(() => new ValueExpressions(Jint).EvaluateGuard("vars.amount", Scope));

        Assert.Equal(ExpressionFailure.WrongType, error.Failure);
    }
}
