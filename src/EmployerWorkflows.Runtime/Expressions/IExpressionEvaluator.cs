using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Expressions;

/// <summary>
/// Runs the JavaScript of definitions (guards, recipients, values) in a sandbox: time, memory and recursion
/// limits, no access to .NET types. Any failure is an <see cref="ExpressionException"/>, never a silent false.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>Evaluates a guard; anything but a boolean result is an error.</summary>
    bool EvaluateGuard(string expression, ExpressionScope scope);

    /// <summary>Evaluates a value expression to JSON (null for undefined/null).</summary>
    JsonNode? Evaluate(string expression, ExpressionScope scope);

    /// <summary>The syntax error of an expression, or null when it compiles.</summary>
    string? CompileError(string expression);
}

/// <summary>What an expression can read: <c>vars</c>, <c>payload</c>, <c>actor</c>, <c>now</c> (ISO string).</summary>
public sealed record ExpressionScope(JsonObject Variables, JsonObject? Payload, WorkflowActor Actor, DateTimeOffset Now);

public enum ExpressionFailure { Syntax, Runtime, Timeout, Memory, Recursion, WrongType, Output }

/// <summary>An expression failed; the message is readable by an operator.</summary>
public sealed class ExpressionException(ExpressionFailure failure, string expression, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ExpressionFailure Failure { get; } = failure;
    public string Expression { get; } = expression;
}
