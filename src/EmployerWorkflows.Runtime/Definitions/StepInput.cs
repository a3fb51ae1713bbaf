using System.Text.Json;
using System.Text.Json.Serialization;
using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// One declared input of a transition, as written: <c>"reason": { "type": "multiline", "required": true }</c>.
/// The model keeps it as a <see cref="FormField"/> labelled with its name, so the step contract treats it like a
/// field of a task form.
/// </summary>
/// <param name="Type">A form field type, or <c>object</c> for a JSON object or array.</param>
/// <param name="Required">The payload must contain a non-empty value.</param>
/// <param name="Secret">The value is used once and never stored.</param>
/// <param name="Options">Accepted values of a select input.</param>
public sealed record StepInput(FormFieldType Type, bool Required = false, bool Secret = false, IReadOnlyList<string>? Options = null)
{
    internal FormField ToField(string name) => new(name, new LocalizedText(name, name), Type, Required,
        (Options ?? []).Select(o => new FormOption(o, new LocalizedText(o, o))).ToList(), [], null, Secret, null);

    internal static StepInput From(FormField field) => new(field.Type, field.Required, field.Secret,
        field.Options.Count == 0 ? null : field.Options.Select(o => o.Value).ToList());
}

/// <summary>Reads a transition's <c>"inputs"</c> object (name → <see cref="StepInput"/>) into form fields, in file order.</summary>
internal sealed class StepInputsConverter : JsonConverter<IReadOnlyList<FormField>>
{
    public override IReadOnlyList<FormField> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<IReadOnlyDictionary<string, StepInput>>(ref reader, options)!
            .Select(input => input.Value.ToField(input.Key)).ToList();

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<FormField> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToDictionary(f => f.Name, StepInput.From), options);
}
