using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>An email recipient resolved from a definition's <c>to</c> expression.</summary>
internal sealed record Recipient(string Email, string? Name, string Language, string? UserId)
{
    /// <summary>
    /// Reads a string address, an object <c>{email, name?, language?, userId?}</c>, or an array of those.
    /// </summary>
    public static List<Recipient> Parse(JsonNode? value, string expression)
    {
        var recipients = new List<Recipient>();
        Collect(value, recipients, expression);
        return recipients.Count > 0
            ? recipients
            : throw new InvalidOperationException($"Recipient expression '{expression}' gave no address.");
    }

    private static void Collect(JsonNode? value, List<Recipient> into, string expression)
    {
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, into, expression);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                into.Add(new Recipient(Address(v.GetValue<string>(), expression), null, "it", null));
                break;
            case JsonObject o:
                into.Add(new Recipient(
                    Address(Text(o, "email"), expression), Text(o, "name"), Text(o, "language") ?? "it", Text(o, "userId")));
                break;
            default:
                throw new InvalidOperationException(
                    $"Recipient expression '{expression}' gave {value?.ToJsonString() ?? "null"}; expected an address, an object with email, or an array.");
        }
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Address(string? email, string expression) =>
        !string.IsNullOrWhiteSpace(email) && email.Contains('@')
            ? email.Trim()
            : throw new InvalidOperationException($"Recipient expression '{expression}' gave '{email}', which is not an email address.");

    public JsonObject ToJson() => new()
    {
        ["email"] = Email,
        ["name"] = Name,
        ["language"] = Language,
        ["userId"] = UserId,
    };
}
