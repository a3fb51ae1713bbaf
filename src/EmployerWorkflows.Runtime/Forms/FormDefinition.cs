using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Forms;

/// <summary>A task form as data (<c>workflows/forms/{id}.form.json</c>): designers change it without a deploy.</summary>
/// <param name="Id">Form id that human tasks name in <c>"form"</c>, e.g. <c>company-review</c>.</param>
/// <param name="Title">Heading of the form.</param>
/// <param name="Fields">Fields in display order.</param>
public sealed record FormDefinition(string Id, LocalizedText Title, IReadOnlyList<FormField> Fields)
{
    /// <summary>The field with this name, or null.</summary>
    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>One input of a form.</summary>
/// <param name="Name">Key of the value in the task's payload, e.g. <c>reason</c>.</param>
/// <param name="Label">Label shown next to the input.</param>
/// <param name="Type">Domain type; decides the input widget and the server-side check.</param>
/// <param name="Required">The payload must contain a non-empty value.</param>
/// <param name="Options">Choices of a <see cref="FormFieldType.Select"/> field.</param>
/// <param name="Accept">File formats (extensions without dot) a <see cref="FormFieldType.File"/> field accepts,
/// checked by content; e.g. <c>pdf</c>, <c>jpg</c>, <c>png</c>.</param>
/// <param name="MaxSizeMb">Largest accepted upload, in megabytes.</param>
/// <param name="Secret">The value is used once and never stored or logged (e.g. a PIN).</param>
/// <param name="Help">Optional hint shown under the input.</param>
/// <param name="Variable">Instance variable an <see cref="FormFieldType.Info"/> field shows.</param>
/// <param name="ShownWhen">Instance variable that must be set for the field to be shown and accepted.</param>
public sealed record FormField(
    string Name,
    LocalizedText Label,
    FormFieldType Type,
    bool Required = false,
    IReadOnlyList<FormOption>? Options = null,
    IReadOnlyList<string>? Accept = null,
    int? MaxSizeMb = null,
    bool Secret = false,
    LocalizedText? Help = null,
    string? Variable = null,
    string? ShownWhen = null)
{
    public IReadOnlyList<FormOption> Options { get; init; } = Options ?? [];

    public IReadOnlyList<string> Accept { get; init; } = Accept ?? [];

    /// <summary>True when the value must never be persisted: flagged secret, or of type <see cref="FormFieldType.Secret"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeverStored => Secret || Type == FormFieldType.Secret;
}

/// <summary>One choice of a select field.</summary>
public sealed record FormOption(string Value, LocalizedText Label);

/// <summary>Field types; the JSON names are the camelCase member names, e.g. <c>codiceFiscale</c>.</summary>
public enum FormFieldType
{
    Text,
    Multiline,
    Email,
    Date,
    Number,
    Boolean,
    Select,
    CodiceFiscale,
    PartitaIva,
    CompanyCf,
    SwissUid,
    RisNumber,
    ItalianMobile,
    File,
    Secret,
    /// <summary>A JSON object or array; only a transition's declared inputs use it (forms have no widget for it).</summary>
    Object,
    /// <summary>Read-only text taken from an instance variable; never part of the payload.</summary>
    Info,
}
