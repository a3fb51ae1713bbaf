using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Forms;

/// <summary>
/// A form as one instance shows it: fields whose <see cref="FormField.ShownWhen"/> variable is empty are left out,
/// and <see cref="FormFieldType.Info"/> fields read their text from the instance's variables (left out when empty).
/// The same form thereby asks for a document only when one was requested, and shows why.
/// </summary>
public static class FormOnInstance
{
    /// <summary>The fields shown (and accepted) on an instance with these variables, in form order.</summary>
    public static FormDefinition Shown(FormDefinition form, JsonObject variables) =>
        form with
        {
            Fields = form.Fields
                .Where(f => f.ShownWhen is null || IsSet(variables[f.ShownWhen]))
                .Where(f => f.Type != FormFieldType.Info || InfoText(f, variables) is not null)
                .ToList(),
        };

    /// <summary>
    /// The text of an info field: its variable's value, or the label of the option with that value in the given
    /// language; null when the variable is empty or the field is not an info field.
    /// </summary>
    public static LocalizedText? InfoText(FormField field, JsonObject variables)
    {
        if (field.Type != FormFieldType.Info || field.Variable is null || !IsSet(variables[field.Variable]))
        {
            return null;
        }

        var value = variables[field.Variable]!;
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();
        return field.Options.FirstOrDefault(o => o.Value == text)?.Label ?? new LocalizedText(text, text);
    }

    private static bool IsSet(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonArray a => a.Count > 0,
        _ => true,
    };
}
