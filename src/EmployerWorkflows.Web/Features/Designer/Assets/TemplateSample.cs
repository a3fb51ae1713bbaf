using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>
/// Sample data for previewing a template: every variable the text prints (<c>{{ company.name }}</c>) or loops over
/// gets a value that shows its own name, and dates get a date, so the preview shows where each value lands.
/// </summary>
public static partial class TemplateSample
{
    public const string SampleDate = "2026-12-15";

    public static JsonObject For(string source)
    {
        var model = new JsonObject();
        foreach (Match m in Looped().Matches(source))
            Set(model, m.Groups[1].Value.Split('.'), new JsonArray($"«{m.Groups[1].Value}[1]»", $"«{m.Groups[1].Value}[2]»"));
        foreach (Match m in Printed().Matches(source))
            Set(model, m.Groups[1].Value.Split('.'), IsDate(m.Groups[1].Value, m.Value) ? SampleDate : $"«{m.Groups[1].Value}»");
        return model;
    }

    private static bool IsDate(string path, string expression) =>
        expression.Contains("| date", StringComparison.Ordinal) ||
        path.EndsWith("On", StringComparison.Ordinal) || path.EndsWith("Deadline", StringComparison.Ordinal) ||
        path.EndsWith("deadline", StringComparison.Ordinal);

    private static void Set(JsonObject model, string[] path, JsonNode value)
    {
        var node = model;
        foreach (var part in path[..^1])
        {
            if (node[part] is not JsonObject child)
                node[part] = child = new JsonObject();
            node = child;
        }
        node.TryAdd(path[^1], value);
    }

    [GeneratedRegex(@"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[^}]*\}\}")]
    private static partial Regex Printed();

    [GeneratedRegex(@"\{%-?\s*for\s+[A-Za-z_][A-Za-z0-9_]*\s+in\s+([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex Looped();
}
