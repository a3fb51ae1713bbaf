using System.Globalization;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Catches an <c>invoke</c> input written as a literal of the wrong type, e.g. <c>"'abc'"</c> for a Guid or <c>"42"</c>
/// for a string: the definition would pass but the instance would fault the first time the step runs. Expressions that
/// are not plain literals are left to run time, where <see cref="Execution.InvokeStep"/> checks their values.
/// </summary>
internal static partial class OperationInputLiterals
{
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLiteral();

    [GeneratedRegex(@"^('([^'\\\r\n]|\\.)*'|""([^""\\\r\n]|\\.)*"")$", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    /// <summary>Why the literal cannot be a value of the input (English, Italian), or null when it can or is no plain literal.</summary>
    public static (string English, string Italian)? Mismatch(string expression, OperationInput input)
    {
        var text = expression.Trim();
        var literal = text switch
        {
            "null" or "undefined" => input.Required ? ("no value", "nessun valore") : ((string, string)?)null,
            "true" or "false" => input.Type == OperationInputType.Boolean ? null : ("true or false", "true o false"),
            _ when NumberLiteral().IsMatch(text) => input.Type == OperationInputType.Number ? null : ("a number", "un numero"),
            _ when StringLiteral().IsMatch(text) => StringFits(text[1..^1], input.Type) ? null : ("a text", "un testo"),
            _ => null,
        };
        return literal is var (english, italian) ? ($"{text} is {english}", $"{text} è {italian}") : null;
    }

    /// <summary>What the type expects, for messages.</summary>
    public static (string English, string Italian) Expected(OperationInputType type) => type switch
    {
        OperationInputType.String => ("a text", "un testo"),
        OperationInputType.Number => ("a number", "un numero"),
        OperationInputType.Boolean => ("true or false", "true o false"),
        OperationInputType.Date => ("an ISO-8601 date, e.g. '2026-12-31'", "una data ISO-8601, ad esempio '2026-12-31'"),
        OperationInputType.Guid => ("an id (GUID)", "un identificativo (GUID)"),
        _ => ("an object or an array", "un oggetto o un array"),
    };

    private static bool StringFits(string content, OperationInputType type) => type switch
    {
        OperationInputType.String => true,
        OperationInputType.Guid => Guid.TryParse(content, out _),
        OperationInputType.Date => DateTimeOffset.TryParse(content, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => false,
    };
}
