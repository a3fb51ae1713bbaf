using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// Converts JSON into the dictionaries, lists and primitives Fluid understands natively, so templates
/// can write <c>{{ company.name }}</c> or loop over arrays without any .NET type being exposed.
/// </summary>
internal static class LiquidModel
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => Primitive(value),
        _ => null,
    };

    private static object? Primitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                // The JSON text is the one representation every JsonValue backing (CLR number or element) shares.
                var text = value.ToJsonString();
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }
}
