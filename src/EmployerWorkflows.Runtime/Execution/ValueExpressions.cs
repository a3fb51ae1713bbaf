using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Expressions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Evaluates the expressions of definitions. Most are plain paths such as <c>vars.applicant.email</c>, literals
/// such as <c>'someone@example.it'</c>, or guards comparing a path with a literal (<c>vars.amount &lt; 1000</c>);
/// those are read straight from the JSON, with JavaScript's result, without starting a script engine per command.
/// Anything else (and any case where JavaScript's coercions or errors would matter) goes to the
/// <see cref="IExpressionEvaluator"/>.
/// </summary>
public sealed partial class ValueExpressions(IExpressionEvaluator evaluator)
{
    [GeneratedRegex(@"^\s*(vars|payload)((?:\.[A-Za-z_$][A-Za-z0-9_$]*)+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathSyntax();

    [GeneratedRegex(@"^\s*(?:'([^'\\\r\n]*)'|""([^""\\\r\n]*)"")\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StringSyntax();

    [GeneratedRegex(@"^\s*(vars|payload)((?:\.[A-Za-z_$][A-Za-z0-9_$]*)+)\s*(===|!==|<=|>=|<|>)\s*('[^'\\\r\n]*'|""[^""\\\r\n]*""|-?\d+(?:\.\d+)?|true|false|null)\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonSyntax();

    /// <summary>Evaluates a guard; anything but a boolean is an error, as in the sandbox.</summary>
    public bool EvaluateGuard(string expression, ExpressionScope scope)
    {
        var comparison = ComparisonSyntax().Match(expression);
        if (comparison.Success &&
            TryNavigate(comparison.Groups[1].Value == "vars" ? scope.Variables : scope.Payload, comparison.Groups[2].Value, out var found, allowMissing: false) &&
            GuardComparison.TryCompare(found, comparison.Groups[3].Value, Literal(comparison.Groups[4].Value), out var result))
            return result;
        return evaluator.EvaluateGuard(expression, scope);
    }

    private static JsonNode? Literal(string text) => text switch
    {
        "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when text[0] is '\'' or '"' => JsonValue.Create(text[1..^1]),
        _ => JsonValue.Create(double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
    };

    public JsonNode? Evaluate(string expression, ExpressionScope scope)
    {
        var path = PathSyntax().Match(expression);
        if (path.Success && TryNavigate(path.Groups[1].Value == "vars" ? scope.Variables : scope.Payload, path.Groups[2].Value, out var found, allowMissing: true))
            return found?.DeepClone();
        var literal = StringSyntax().Match(expression);
        if (literal.Success)
            return JsonValue.Create(literal.Groups[1].Success ? literal.Groups[1].Value : literal.Groups[2].Value);
        if (expression.Trim() is var text && (text == "true" || text == "false"))
            return JsonValue.Create(text == "true");
        if (decimal.TryParse(expression, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return evaluator.Evaluate(expression, scope);
    }

    /// <summary>
    /// Follows a path through JSON objects. A missing last property reads as null (undefined) when
    /// <paramref name="allowMissing"/>; anything that JavaScript would treat differently (a property of a string or
    /// array, a property of undefined, which throws) is left to the sandbox so the outcome stays the same.
    /// </summary>
    private static bool TryNavigate(JsonObject? root, string path, out JsonNode? found, bool allowMissing)
    {
        found = null;
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode? node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (node is not JsonObject obj)
                return false;
            if (!obj.TryGetPropertyValue(segments[i], out node))
                return allowMissing && i == segments.Length - 1 && !IsPrototypeMember(segments[i]);
        }
        found = node;
        return true;
    }

    /// <summary>Names every JavaScript object inherits; their values are not JSON.</summary>
    private static bool IsPrototypeMember(string name) => name is "constructor" or "__proto__" or "toString" or "valueOf"
        or "hasOwnProperty" or "isPrototypeOf" or "propertyIsEnumerable" or "toLocaleString";
}
