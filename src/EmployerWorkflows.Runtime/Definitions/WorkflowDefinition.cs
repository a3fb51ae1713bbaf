using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// A parsed workflow definition: the state machine of one procedure, as written in a <c>*.workflow.json</c> file.
/// It is immutable; a stored version pins one of these for every instance started on it. System.Text.Json reads it
/// (see <see cref="DefinitionJson"/>): the records are the model, the JSON Schema only adds the messages with paths.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>company-registration</c>.</param>
/// <param name="Title">Title shown to users, in Italian and English.</param>
/// <param name="Initial">Name of the state an instance enters when it starts.</param>
/// <param name="States">States by name, in the order they appear in the file.</param>
/// <param name="Variables">Default values of instance variables, merged under the start input.</param>
public sealed record WorkflowDefinition(
    string Id,
    LocalizedText Title,
    string Initial,
    IReadOnlyDictionary<string, StateDefinition> States,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null)
{
    /// <summary>Default values of instance variables; empty when the file declares none.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = Variables ?? new Dictionary<string, JsonNode?>();

    /// <summary>Names of the states marked final.</summary>
    [JsonIgnore]
    public IEnumerable<string> FinalStates => States.Where(s => s.Value.Final).Select(s => s.Key);
}

/// <summary>A text in Italian and English.</summary>
public sealed record LocalizedText(string It, string En)
{
    /// <summary>The text for a language code (<c>it</c> or <c>en</c>); Italian is the default.</summary>
    public string For(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : It;
}

/// <summary>One state: what happens on entry, which triggers leave it, and whether it ends the procedure.</summary>
/// <param name="Title">Optional user-facing name of the state (used by steppers); the key is used when absent.</param>
/// <param name="OnEntry">Activities run in order every time the state is entered.</param>
/// <param name="On">Transitions by trigger name. Several entries for one trigger are alternatives tried in order:
/// the first whose guard passes is taken.</param>
/// <param name="Final">A final state completes the instance; it has no outgoing transitions.</param>
public sealed record StateDefinition(
    LocalizedText? Title = null,
    IReadOnlyList<ActivityDefinition>? OnEntry = null,
    IReadOnlyDictionary<string, IReadOnlyList<TransitionDefinition>>? On = null,
    bool Final = false)
{
    public IReadOnlyList<ActivityDefinition> OnEntry { get; init; } = OnEntry ?? [];

    public IReadOnlyDictionary<string, IReadOnlyList<TransitionDefinition>> On { get; init; } =
        On ?? new Dictionary<string, IReadOnlyList<TransitionDefinition>>();
}

/// <summary>A transition taken when its trigger fires and its guard passes.</summary>
/// <param name="To">Target state name. The same state re-enters it (entry activities run again).</param>
/// <param name="When">Optional JavaScript guard expression; it sees <c>vars</c>, <c>payload</c>, <c>actor</c>, <c>now</c>.</param>
/// <param name="Roles">Roles allowed to fire; empty means anyone the task or API lets act.</param>
/// <param name="Requires">Payload fields that must be present and non-empty, e.g. a rejection <c>reason</c>.</param>
/// <param name="Inputs">Payload fields the trigger accepts besides the fields of the forms of the state's tasks that offer
/// it; a trigger fired without a task (by a dedicated endpoint or a job) declares its whole input here.</param>
/// <param name="Run">Checks and side effects of the step (<c>invoke</c> and <c>setVariable</c>), run in the transition's
/// transaction after the payload is accepted and before the state is left; an operation may refuse the step.</param>
/// <param name="Title">Optional user-facing name of the step, e.g. a button label; see <see cref="TriggerTitles"/>.</param>
public sealed record TransitionDefinition(
    string To,
    string? When = null,
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<string>? Requires = null,
    [property: JsonConverter(typeof(StepInputsConverter))] IReadOnlyList<Forms.FormField>? Inputs = null,
    IReadOnlyList<ActivityDefinition>? Run = null,
    LocalizedText? Title = null)
{
    public IReadOnlyList<string> Roles { get; init; } = Roles ?? [];

    public IReadOnlyList<string> Requires { get; init; } = Requires ?? [];

    /// <summary>Declared inputs; empty when none.</summary>
    [JsonIgnore]
    public IReadOnlyList<Forms.FormField> DeclaredInputs => Inputs ?? [];

    /// <summary>Step activities; empty when none.</summary>
    [JsonIgnore]
    public IReadOnlyList<ActivityDefinition> Steps => Run ?? [];
}
