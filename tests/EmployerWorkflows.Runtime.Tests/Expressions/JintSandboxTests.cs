using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;

namespace EmployerWorkflows.Runtime.Tests.Expressions;

/// <summary>What a definition's JavaScript must not be able to do.</summary>
public sealed class JintSandboxTests
{
    private readonly JintExpressionEvaluator _evaluator = new();

    private static ExpressionScope Scope() => new([], null, WorkflowActor.System, DateTimeOffset.UnixEpoch);

    private ExpressionFailure FailureOf(string expression) =>
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(expression, Scope())).Failure;

    [Fact]
    public void Evaluate_FailsWithTimeout_WhenLoopNeverEnds()
    {
        var evaluator = new JintExpressionEvaluator(ExpressionLimits.Default with { MaxStatements = int.MaxValue });

        var ex = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("while (true) {}", Scope()));

        Assert.Equal(ExpressionFailure.Timeout, ex.Failure);
    }

    [Fact]
    public void Evaluate_FailsWithTimeout_WhenStatementBudgetIsExhausted()
    {
        Assert.Equal(ExpressionFailure.Timeout, FailureOf("let i = 0; while (true) { i++; }"));
    }

    [Fact]
    public void Evaluate_FailsWithMemory_WhenAllocatingWithoutEnd()
    {
        Assert.Equal(ExpressionFailure.Memory, FailureOf("let a = []; while (true) a.push('x'.repeat(100000))"));
    }

    [Fact]
    public void Evaluate_FailsWithMemory_WhenOneBuiltInCallAllocatesTooMuch()
    {
        Assert.Equal(ExpressionFailure.Memory, FailureOf("'x'.repeat(20000000).length"));
    }

    [Fact]
    public void Evaluate_FailsWithRecursion_WhenRecursionHasNoEnd()
    {
        Assert.Equal(ExpressionFailure.Recursion, FailureOf("function f(n) { return f(n + 1); } f(0)"));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System.Environment.Exit(1)")]
    [InlineData("host.getType()")]
    public void Evaluate_FailsWithRuntime_WhenScriptReachesForDotNet(string expression)
    {
        Assert.Equal(ExpressionFailure.Runtime, FailureOf(expression));
    }

    [Fact]
    public void Evaluate_FailsWithRuntime_WhenScriptCallsEval()
    {
        Assert.Equal(ExpressionFailure.Runtime, FailureOf("eval('1 + 1')"));
    }

    [Fact]
    public void Evaluate_FailsWithRuntime_WhenScriptThrows()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("throw new Error('no partita IVA')", Scope()));

        Assert.Equal(ExpressionFailure.Runtime, ex.Failure);
        Assert.Contains("no partita IVA", ex.Message);
    }

    [Fact]
    public void Evaluate_FailsWithRuntime_WhenStrictModeForbidsUndeclaredAssignment()
    {
        Assert.Equal(ExpressionFailure.Runtime, FailureOf("undeclared = 1"));
    }

    [Fact]
    public void Evaluate_FailsWithSyntax_WhenExpressionDoesNotParse()
    {
        Assert.Equal(ExpressionFailure.Syntax, FailureOf("vars.a >"));
    }

    [Fact]
    public void CompileError_ReturnsMessage_WhenExpressionDoesNotParse()
    {
        Assert.NotNull(_evaluator.CompileError("vars.a === ("));
    }

    [Fact]
    public void CompileError_ReturnsMessage_WhenExpressionIsEmpty()
    {
        Assert.NotNull(_evaluator.CompileError("  "));
    }

    [Fact]
    public void CompileError_ReturnsMessage_WhenStrictModeForbidsSyntax()
    {
        Assert.NotNull(_evaluator.CompileError("with (vars) { a }"));
    }

    [Fact]
    public void CompileError_ReturnsNull_WhenExpressionParses()
    {
        Assert.Null(_evaluator.CompileError("vars.a === 1 && payload?.reason?.length > 0"));
    }

    [Fact]
    public void Evaluate_KeepsWorking_AfterLimitWasHit()
    {
        FailureOf("while (true) {}");

        Assert.Equal(3.0, _evaluator.Evaluate("1 + 2", Scope())!.GetValue<double>());
    }
}
