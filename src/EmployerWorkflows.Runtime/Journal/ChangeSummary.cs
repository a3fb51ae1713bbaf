using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>
/// The one-line summaries of the runtime's journal entries. An entry says what changed, never a whole variable
/// set: the journal is read by many people, while variables hold the people a procedure is about.
/// </summary>
internal static partial class ChangeSummary
{
    private const int MaxValueLength = 200;
    private const int MaxLength = 3900;

    // Field names (whole, or as the end of a camelCase name such as "oldEmail") whose values identify a person.
    private static readonly string[] PersonalNames =
        ["email", "pec", "codiceFiscale", "userId", "name", "phone", "mobile", "address", "iban", "birthDate", "birthPlace"];

    /// <summary>
    /// A start: the fact, and the plain values the starter gave. Objects and lists are left out altogether,
    /// names included: at a start they are the context the host fills in (the company, its administrators).
    /// </summary>
    public static string Started(JsonObject? variables, Func<string, bool> isSecret) =>
        Build("started", variables, isSecret, omitComposites: true);

    /// <summary>
    /// A transition: the names of the fields it set, with the value only where the value is plain and says
    /// nothing about a person; secrets appear as <c>***</c>.
    /// </summary>
    public static string Changed(string prefix, JsonObject? fields, Func<string, bool> isSecret) =>
        Build(prefix, fields, isSecret, omitComposites: false);

    /// <summary>An operation: its name and the variable it wrote, if any (its domain changes journal themselves).</summary>
    public static string Operation(string name, string? resultVariable) =>
        resultVariable is null ? name : $"{name}: {resultVariable}";

    private static string Build(string prefix, JsonObject? fields, Func<string, bool> isSecret, bool omitComposites)
    {
        var text = new StringBuilder(prefix);
        var separator = ": ";
        foreach (var (name, value) in fields ?? [])
        {
            var composite = value is JsonObject or JsonArray;
            if (omitComposites && (composite || IsPersonal(name, value)))
                continue;
            text.Append(separator).Append(name);
            separator = ", ";
            if (isSecret(name))
                text.Append("=***");
            else if (!composite && !IsPersonal(name, value))
                text.Append('=').Append(Shown(value));
        }
        return text.Length > MaxLength ? text.ToString(0, MaxLength) + "…" : text.ToString();
    }

    private static string Shown(JsonNode? value)
    {
        var json = value?.ToJsonString() ?? "null";
        return json.Length > MaxValueLength ? json[..MaxValueLength] + "…" : json;
    }

    private static bool IsPersonal(string name, JsonNode? value) =>
        PersonalNames.Any(p => name.Equals(p, StringComparison.OrdinalIgnoreCase)
                               || (name.Length > p.Length && name.EndsWith(p, StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[^p.Length])))
        || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && LooksPersonal(v.GetValue<string>()));

    // A value can name a person whatever its field is called: an email address, or an Italian codice fiscale.
    private static bool LooksPersonal(string value) => value.Contains('@') || CodiceFiscale().IsMatch(value);

    [GeneratedRegex(@"\b[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]\b")]
    private static partial Regex CodiceFiscale();
}
