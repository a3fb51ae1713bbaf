using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// JavaScript's comparison of a JSON value with a literal, for the cases whose outcome needs no coercion: strict
/// (in)equality of any two values, and ordering of two numbers or two strings. Anything else returns false from
/// <see cref="TryCompare"/> so the sandbox decides.
/// </summary>
internal static class GuardComparison
{
    public static bool TryCompare(JsonNode? value, string op, JsonNode? literal, out bool result)
    {
        result = false;
        var left = Primitive(value);
        var right = Primitive(literal);
        if (left.Kind == Kind.Other || right.Kind == Kind.Other)
            return false;
        switch (op)
        {
            case "===":
                result = StrictEquals(left, right);
                return true;
            case "!==":
                result = !StrictEquals(left, right);
                return true;
        }
        int order;
        if (left.Kind == Kind.Number && right.Kind == Kind.Number)
        {
            if (double.IsNaN(left.Number) || double.IsNaN(right.Number))
                return false;
            order = left.Number.CompareTo(right.Number);
        }
        else if (left.Kind == Kind.String && right.Kind == Kind.String)
        {
            order = string.CompareOrdinal(left.Text, right.Text); // JavaScript compares UTF-16 code units
        }
        else
        {
            return false;
        }
        result = op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison operator."),
        };
        return true;
    }

    private static bool StrictEquals(Value left, Value right) =>
        left.Kind == right.Kind && left.Kind switch
        {
            Kind.Number => left.Number == right.Number,
            Kind.String => left.Text == right.Text,
            Kind.Boolean => left.Flag == right.Flag,
            _ => true, // null === null
        };

    private enum Kind { Null, Number, String, Boolean, Other }

    private readonly record struct Value(Kind Kind, double Number = 0, string? Text = null, bool Flag = false);

    /// <summary>A number held as parsed JSON or as any .NET numeric type (payloads built in code).</summary>
    private static double Number(JsonValue value) =>
        value.TryGetValue<double>(out var number)
            ? number
            : double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Objects and arrays are compared by reference in JavaScript: left to the sandbox.</summary>
    private static Value Primitive(JsonNode? node) => node switch
    {
        null => new Value(Kind.Null),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Number => new Value(Kind.Number, Number(v)),
            JsonValueKind.String => new Value(Kind.String, Text: v.GetValue<string>()),
            JsonValueKind.True => new Value(Kind.Boolean, Flag: true),
            JsonValueKind.False => new Value(Kind.Boolean, Flag: false),
            JsonValueKind.Null => new Value(Kind.Null),
            _ => new Value(Kind.Other),
        },
        _ => new Value(Kind.Other),
    };
}
