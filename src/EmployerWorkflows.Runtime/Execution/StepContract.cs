using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Checks a value against the domain type of its field (codice fiscale, UID, RIS, email, …). The host supplies the
/// domain rules, so the task page and the engine refuse exactly the same values.
/// </summary>
public interface IFieldValueCheck
{
    /// <summary>Null when <paramref name="value"/> (never empty) is acceptable for <paramref name="field"/>; otherwise why not.</summary>
    LocalizedText? Check(FormField field, JsonNode value);
}

/// <summary>The shape checks every host gets: strings for text types, numbers, booleans, options, document ids, objects.</summary>
public class BasicFieldValueCheck : IFieldValueCheck
{
    public virtual LocalizedText? Check(FormField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        return field.Type switch
        {
            FormFieldType.Object => kind is JsonValueKind.Object or JsonValueKind.Array ? null : Expected("un oggetto", "an object"),
            FormFieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : Expected("vero o falso", "true or false"),
            FormFieldType.Number => kind == JsonValueKind.Number ? null : Expected("un numero", "a number"),
            _ when kind != JsonValueKind.String => Expected("un testo", "a text"),
            FormFieldType.Select when field.Options.All(o => o.Value != value.GetValue<string>()) =>
                new("Scegli una delle opzioni proposte.", "Choose one of the options offered."),
            FormFieldType.File when !Guid.TryParse(value.GetValue<string>(), out _) => FieldMessages.NotADocument,
            FormFieldType.Date when !DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out _) => new("Data non valida: usa il formato aaaa-mm-gg.", "Invalid date: use yyyy-mm-dd."),
            _ => null,
        };
    }

    private static LocalizedText Expected(string italian, string english) => new($"Serve {italian}.", $"Expected {english}.");
}

/// <summary>
/// The input contract of a step (architecture §5.8). A trigger fired in a state accepts the fields of the forms of
/// the state's tasks that offer it, plus the transition's declared <c>inputs</c>, and nothing else. Required fields
/// (the form's, and the transition's <c>requires</c>) must be present, every value must fit its domain type, a file
/// field names a document of this instance uploaded by the caller, and no field may name a protected variable.
/// </summary>
public sealed class StepContract(IFormCatalog forms, IFieldValueCheck values)
{
    /// <summary>Fields a trigger accepts in a state, by name; a later declaration of the same name wins.</summary>
    internal IReadOnlyDictionary<string, FormField> Inputs(CompiledState state, TransitionDefinition transition, string trigger, JsonObject? variables = null)
    {
        var inputs = new Dictionary<string, FormField>(StringComparer.Ordinal);
        foreach (var task in state.Definition.OnEntry.OfType<HumanTaskActivity>().Where(t => t.Actions.Contains(trigger)))
        {
            // As the instance shows the form: a field shown only when a variable is set is accepted only then, and
            // info fields only show a variable: they are never input.
            if (forms.Find(task.Form) is not { } form)
                continue;
            foreach (var field in (variables is null ? form : FormOnInstance.Shown(form, variables)).Fields.Where(f => f.Type != FormFieldType.Info))
                inputs[field.Name] = field;
        }
        foreach (var field in transition.DeclaredInputs)
            inputs[field.Name] = field;
        return inputs;
    }

    /// <summary>
    /// Refuses the payload with every field error at once, or returns the fields that may become variables (declared,
    /// not secret, not empty).
    /// </summary>
    internal async Task<JsonObject> AcceptAsync(
        DbContext db, WorkflowInstance instance, PublishedWorkflow workflow, CompiledState state, CompiledTransition chosen,
        WorkflowActor actor, JsonObject? payload, JsonObject variables, PayloadRules payloads, bool checkUploader, CancellationToken cancellationToken)
    {
        var inputs = Inputs(state, chosen.Definition, chosen.Trigger, variables);
        var errors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        var stored = new JsonObject();
        foreach (var (name, value) in payload ?? [])
        {
            if (!inputs.TryGetValue(name, out var field))
                errors[name] = FieldMessages.Unknown;
            else if (workflow.ProtectedVariables.Contains(name))
                errors[name] = FieldMessages.Protected;
            else if (IsEmpty(value))
                continue;
            else if (values.Check(field, value!) is { } problem)
                errors[name] = problem;
            else if (field.Type == FormFieldType.File &&
                     !await IsOwnDocumentAsync(db, instance.Id, Guid.Parse(value!.GetValue<string>()), checkUploader ? actor.UserId : null, cancellationToken))
                errors[name] = FieldMessages.NotADocument;
            else if (!field.NeverStored && !payloads.IsSecret(name))
                stored[name] = value!.DeepClone();
        }
        var required = inputs.Values.Where(f => f.Required).Select(f => f.Name).Concat(chosen.Requires);
        foreach (var name in required.Where(n => !errors.ContainsKey(n)))
        {
            if (payload is null || !payload.TryGetPropertyValue(name, out var value) || IsEmpty(value))
                errors[name] = FieldMessages.Required;
        }
        return errors.Count == 0 ? stored : throw new PayloadInvalidException(chosen.Trigger, errors);
    }

    /// <summary>Fields of the payload the step does not accept, or that name a protected variable.</summary>
    internal Dictionary<string, LocalizedText> Refused(PublishedWorkflow workflow, CompiledState state, CompiledTransition transition, JsonObject? payload, JsonObject? variables = null)
    {
        var inputs = Inputs(state, transition.Definition, transition.Trigger, variables);
        var errors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (name, _) in payload ?? [])
        {
            if (!inputs.ContainsKey(name))
                errors[name] = FieldMessages.Unknown;
            else if (workflow.ProtectedVariables.Contains(name))
                errors[name] = FieldMessages.Protected;
        }
        return errors;
    }

    /// <summary>
    /// A document of this instance, uploaded by <paramref name="uploader"/> when given. Documents added in the same
    /// unit of work (a page that uploads and fires together) count as well.
    /// </summary>
    private static async Task<bool> IsOwnDocumentAsync(DbContext db, Guid instanceId, Guid documentId, string? uploader, CancellationToken cancellationToken)
    {
        var document = db.Set<InstanceDocument>().Local.FirstOrDefault(d => d.Id == documentId)
                       ?? await db.Set<InstanceDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return document is not null && document.InstanceId == instanceId && (uploader is null || document.UploadedBy == uploader);
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };

    /// <summary>
    /// Variables a payload can never write: the definition's <c>variables</c> (its defaults and the start input it
    /// declares), every <c>setVariable</c> target and every operation <c>result</c>, in entry activities and steps.
    /// </summary>
    public static IReadOnlySet<string> ProtectedVariables(WorkflowDefinition definition)
    {
        var names = new HashSet<string>(definition.Variables.Keys, StringComparer.Ordinal);
        var activities = definition.States.Values.SelectMany(s =>
            s.OnEntry.Concat(s.On.Values.SelectMany(alternatives => alternatives.SelectMany(t => t.Steps))));
        foreach (var activity in activities)
        {
            switch (activity)
            {
                case SetVariableActivity set:
                    names.Add(set.Name);
                    break;
                case InvokeActivity { Result: { } result }:
                    names.Add(result);
                    break;
            }
        }
        return names;
    }
}
