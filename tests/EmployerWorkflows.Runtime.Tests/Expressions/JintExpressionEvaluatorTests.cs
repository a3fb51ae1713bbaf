using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;

namespace EmployerWorkflows.Runtime.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));

    private readonly JintExpressionEvaluator _evaluator = new();

    private static ExpressionScope Scope(JsonObject? vars = null, JsonObject? payload = null, WorkflowActor? actor = null) =>
        new(vars ?? [], payload, actor ?? WorkflowActor.System, Now);

    private static WorkflowActor Reviewer { get; } = new(
        "u-42", "RSSMRA80A01H501U", "Mario Rossi", new HashSet<string> { "AgencyReviewer", "HelpDesk" },
        Guid.Parse("7a1c0f3e-2b1d-4c55-9a0e-0d6f2f9b8e11"));

    [Fact]
    public void EvaluateGuard_ReturnsTrue_WhenVariableSatisfiesComparison()
    {
        var scope = Scope(new JsonObject { ["employees"] = 12 });

        Assert.True(_evaluator.EvaluateGuard("vars.employees > 10", scope));
    }

    [Fact]
    public void EvaluateGuard_ReturnsFalse_WhenVariableFailsComparison()
    {
        var scope = Scope(new JsonObject { ["employees"] = 3 });

        Assert.False(_evaluator.EvaluateGuard("vars.employees > 10", scope));
    }

    [Fact]
    public void EvaluateGuard_ReadsNestedPayload_WhenPayloadGiven()
    {
        var scope = Scope(payload: new JsonObject { ["company"] = new JsonObject { ["country"] = "CH" } });

        Assert.True(_evaluator.EvaluateGuard("payload.company.country === 'CH'", scope));
    }

    [Fact]
    public void EvaluateGuard_SeesNullPayload_WhenNoPayload()
    {
        Assert.True(_evaluator.EvaluateGuard("payload === null", Scope()));
    }

    [Fact]
    public void Evaluate_ExposesActorFields_WhenActorIsPerson()
    {
        var result = _evaluator.Evaluate(
            "[actor.userId, actor.codiceFiscale, actor.name, actor.roles.includes('AgencyReviewer'), actor.companyId]",
            Scope(actor: Reviewer));

        Assert.Equal(
            """["u-42","RSSMRA80A01H501U","Mario Rossi",true,"7a1c0f3e-2b1d-4c55-9a0e-0d6f2f9b8e11"]""",
            result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ExposesSystemActorWithNullIds_WhenActorIsSystem()
    {
        var result = _evaluator.Evaluate("({ id: actor.userId, roles: actor.roles.length, name: actor.name })", Scope());

        Assert.Equal("""{"id":null,"roles":0,"name":"system"}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ExposesNowAsUtcIsoString_WhenScopeHasOffset()
    {
        var result = _evaluator.Evaluate("now", Scope());

        Assert.Equal("2026-03-14T08:30:00.000Z", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ParsesNowAsDate_WhenWrappedInDate()
    {
        var result = _evaluator.Evaluate("new Date(now).getUTCHours()", Scope());

        Assert.Equal(8, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_TakesDateNowFromScope_NotFromServerClock()
    {
        Assert.True(_evaluator.EvaluateGuard("Date.now() === Date.parse(now) && new Date().getUTCFullYear() === 2026", Scope()));
    }

    [Fact]
    public void Evaluate_ReturnsJsonObject_WhenExpressionBuildsObject()
    {
        var scope = Scope(new JsonObject { ["email"] = "a@b.it" });

        var result = _evaluator.Evaluate("({ email: vars.email, name: 'Ufficio', tags: [1, 'x', null] })", scope);

        Assert.Equal("""{"email":"a@b.it","name":"Ufficio","tags":[1,"x",null]}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ReturnsJsonArray_WhenExpressionBuildsArray()
    {
        var result = _evaluator.Evaluate("[1, 2].map(n => n * 2)", Scope());

        Assert.Equal("[2,4]", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ReturnsNumber_WhenExpressionIsArithmetic()
    {
        var result = _evaluator.Evaluate("1.5 * 4", Scope());

        Assert.Equal(6.0, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_ReturnsString_WhenExpressionConcatenates()
    {
        var scope = Scope(new JsonObject { ["name"] = "Acme" });

        Assert.Equal("Acme S.r.l.", _evaluator.Evaluate("vars.name + ' S.r.l.'", scope)!.GetValue<string>());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("undefined")]
    [InlineData("vars.missing")]
    public void Evaluate_ReturnsNull_WhenResultIsNullOrUndefined(string expression)
    {
        Assert.Null(_evaluator.Evaluate(expression, Scope()));
    }

    [Fact]
    public void Evaluate_UsesCompletionValue_WhenExpressionHasStatements()
    {
        var scope = Scope(new JsonObject { ["items"] = new JsonArray(1, 2, 3) });

        var result = _evaluator.Evaluate("let total = 0; for (const i of vars.items) { total += i; } total", scope);

        Assert.Equal(6.0, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_DoesNotLeakGlobals_BetweenEvaluations()
    {
        _evaluator.Evaluate("let leaked = 1; leaked", Scope());

        Assert.True(_evaluator.EvaluateGuard("typeof leaked === 'undefined'", Scope()));
    }

    [Fact]
    public void Evaluate_DoesNotChangeCallerVariables_WhenScriptMutatesVars()
    {
        var vars = new JsonObject { ["n"] = 1 };

        _evaluator.Evaluate("vars.n = 99; vars.extra = true", Scope(vars));

        Assert.Equal("""{"n":1}""", vars.ToJsonString());
    }

    [Fact]
    public void EvaluateGuard_ThrowsWrongType_WhenGuardReturnsString()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateGuard("'yes'", Scope()));

        Assert.Equal(ExpressionFailure.WrongType, ex.Failure);
        Assert.Equal("'yes'", ex.Expression);
    }

    [Fact]
    public void EvaluateGuard_ThrowsWrongType_WhenGuardReturnsUndefined()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateGuard("vars.approved", Scope()));

        Assert.Equal(ExpressionFailure.WrongType, ex.Failure);
    }

    [Fact]
    public void Evaluate_ThrowsWrongType_WhenResultIsFunction()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("() => 1", Scope()));

        Assert.Equal(ExpressionFailure.WrongType, ex.Failure);
    }
}
