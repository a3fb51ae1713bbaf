using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// How payloads enter an instance: required fields are checked, non-secret fields are merged into the variables,
/// secret fields (PIN, password, ...) are used by guards and operations of the command but never stored or journaled.
/// </summary>
public sealed class PayloadRules
{
    public static readonly string[] DefaultSecretFields = ["pin", "password", "secret", "token", "otp"];

    private readonly HashSet<string> _secrets;

    public PayloadRules(IEnumerable<string> extraSecretFields) =>
        _secrets = new HashSet<string>(DefaultSecretFields.Concat(extraSecretFields), StringComparer.OrdinalIgnoreCase);

    public bool IsSecret(string field) => _secrets.Contains(field);

    /// <summary>Fields of <paramref name="required"/> that are absent, null, or empty/blank strings.</summary>
    public static List<string> Missing(JsonObject? payload, IReadOnlyList<string> required)
    {
        var missing = new List<string>();
        foreach (var field in required)
        {
            if (payload is null || !payload.TryGetPropertyValue(field, out var value) || IsEmpty(value))
                missing.Add(field);
        }
        return missing;
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    /// <summary>Shallow-merges the payload's non-secret fields into <paramref name="variables"/>.</summary>
    public void MergeInto(JsonObject variables, JsonObject? payload)
    {
        if (payload is null)
            return;
        foreach (var (name, value) in payload)
        {
            if (!IsSecret(name))
                variables[name] = Scrub(value);
        }
    }

    /// <summary>A deep copy in which nested objects lose their secret fields too.</summary>
    private JsonNode? Scrub(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, inner) in o)
                {
                    if (!IsSecret(name))
                        copy[name] = Scrub(inner);
                }
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(Scrub).ToArray());
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>A copy without secret fields, for incidents (so a retry can replay the rest).</summary>
    public JsonObject? WithoutSecrets(JsonObject? payload)
    {
        if (payload is null)
            return null;
        var copy = new JsonObject();
        MergeInto(copy, payload);
        return copy;
    }
}
