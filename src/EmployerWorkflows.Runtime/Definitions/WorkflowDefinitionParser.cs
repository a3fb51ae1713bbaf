using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Turns the JSON text of a definition into a <see cref="WorkflowDefinition"/>. It checks structure only
/// (types, required properties, repeated keys); <see cref="IDefinitionValidator"/> adds the schema and the
/// semantic rules. Problems come back as <see cref="DefinitionError"/>s with JSON paths, never as exceptions.
/// </summary>
public static class WorkflowDefinitionParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Parses a definition; the definition is null whenever an error was found.</summary>
    public static DefinitionCheck Parse(string json)
    {
        var errors = new List<DefinitionError>();
        using var document = TryOpen(json, errors);
        if (document is null)
        {
            return new DefinitionCheck(null, errors);
        }

        var parsed = Parse(document.RootElement, errors);
        return new DefinitionCheck(errors.Count == 0 ? parsed?.Definition : null, errors);
    }

    /// <summary>Opens the text as a JSON document, or records an <c>invalid-json</c> error with its position.</summary>
    internal static JsonDocument? TryOpen(string json, List<DefinitionError> errors)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {ex.BytePositionInLine + 1}" : "";
            var whereItalian = ex.LineNumber is { } row ? $" alla riga {row + 1}, colonna {ex.BytePositionInLine + 1}" : "";
            errors.Add(new DefinitionError(DefinitionPath.Root, "invalid-json",
                $"The document is not valid JSON{where}: {ex.Message} Fix the syntax (quotes, commas, brackets).",
                $"Il documento non è JSON valido{whereItalian}: {ex.Message} Correggi la sintassi (virgolette, virgole, parentesi)."));
            return null;
        }
    }

    /// <summary>Reads a parsed document; adds every structural error, including repeated keys.</summary>
    internal static ParsedWorkflow? Parse(JsonElement root, List<DefinitionError> errors)
    {
        DuplicateKeyScanner.Scan(root, DefinitionPath.Root, errors);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(DefinitionPath.Root, "wrong-type", "A definition must be a JSON object.", "Una definizione deve essere un oggetto JSON."));
            return null;
        }

        var reader = new JsonObjectReader(root, DefinitionPath.Root, errors);
        var id = reader.RequiredString("id");
        var title = reader.Localized("title", required: true);
        var initial = reader.RequiredString("initial");
        var variables = Variables(reader);
        var transitionLists = new HashSet<string>(StringComparer.Ordinal);
        var states = States(reader, transitionLists, errors);
        if (id is null || title is null || initial is null || states is null)
        {
            return null;
        }

        return new ParsedWorkflow(new WorkflowDefinition(id, title, initial, states, variables), transitionLists);
    }

    private static IReadOnlyDictionary<string, JsonNode?> Variables(JsonObjectReader reader)
    {
        var variables = new OrderedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (reader.Object("variables") is { } variablesReader)
        {
            foreach (var variable in variablesReader.Properties())
            {
                variables.TryAdd(variable.Name, JsonNode.Parse(variable.Value.GetRawText()));
            }
        }

        return variables;
    }

    private static OrderedDictionary<string, StateDefinition>? States(
        JsonObjectReader reader, HashSet<string> transitionLists, List<DefinitionError> errors)
    {
        if (reader.Get("states") is null)
        {
            reader.Error("states", "missing-property", "Add \"states\": an object of states by name.", "Aggiungi \"states\": un oggetto con gli stati per nome.");
            return null;
        }

        if (reader.Object("states") is not { } statesReader)
        {
            return null;
        }

        // OrderedDictionary: the model promises states in file order (steppers and diagrams show them so).
        var states = new OrderedDictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var property in statesReader.Properties())
        {
            var path = DefinitionPath.Property(statesReader.Path, property.Name);
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DefinitionError(path, "wrong-type", "A state must be an object.", "Uno stato deve essere un oggetto."));
                continue;
            }

            var state = State(new JsonObjectReader(property.Value, path, errors), property.Name, transitionLists, errors);
            states.TryAdd(property.Name, state);
        }

        return states;
    }

    private static StateDefinition State(
        JsonObjectReader reader, string name, HashSet<string> transitionLists, List<DefinitionError> errors)
    {
        var onEntry = new List<ActivityDefinition>();
        if (reader.Get("onEntry") is { } entry)
        {
            if (entry.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in entry.EnumerateArray())
                {
                    var activity = ActivityParser.Parse(item, DefinitionPath.Index(reader.PathOf("onEntry"), index++), errors);
                    if (activity is not null)
                    {
                        onEntry.Add(activity);
                    }
                }
            }
            else
            {
                reader.Error("onEntry", "wrong-type", "\"onEntry\" must be an array of activities.", "\"onEntry\" deve essere un array di attività.");
            }
        }

        var on = new OrderedDictionary<string, IReadOnlyList<TransitionDefinition>>(StringComparer.Ordinal);
        if (reader.Object("on") is { } onReader)
        {
            foreach (var trigger in onReader.Properties())
            {
                if (trigger.Value.ValueKind == JsonValueKind.Array)
                {
                    transitionLists.Add(ParsedWorkflow.Key(name, trigger.Name));
                }

                on.TryAdd(trigger.Name, Transitions(trigger.Value, onReader.PathOf(trigger.Name), errors));
            }
        }

        return new StateDefinition(reader.Localized("title", required: false), onEntry, on, reader.OptionalBool("final"));
    }

    private static IReadOnlyList<TransitionDefinition> Transitions(JsonElement value, string path, List<DefinitionError> errors)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return Transition(value, path, errors) is { } single ? [single] : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DefinitionError(path, "wrong-type",
                "A trigger maps to a transition {\"to\": \"State\"} or an array of them.",
                "Un evento porta a una transizione {\"to\": \"Stato\"} o a un array di transizioni."));
            return [];
        }

        var transitions = new List<TransitionDefinition>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = DefinitionPath.Index(path, index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DefinitionError(itemPath, "wrong-type", "A transition must be an object {\"to\": \"State\"}.",
                    "Una transizione deve essere un oggetto {\"to\": \"Stato\"}."));
            }
            else if (Transition(item, itemPath, errors) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        return transitions;
    }

    private static TransitionDefinition? Transition(JsonElement element, string path, List<DefinitionError> errors)
    {
        var reader = new JsonObjectReader(element, path, errors);
        var to = reader.RequiredString("to");
        var when = reader.OptionalString("when");
        var roles = reader.StringList("roles");
        var requires = reader.StringList("requires");
        var title = reader.Localized("title", required: false);
        var inputs = StepInputs(reader, errors);
        var run = StepActivities(reader, errors);
        return to is null ? null : new TransitionDefinition(to, when, roles, requires, inputs, run, title);
    }

    /// <summary><c>"inputs": { "reason": { "type": "multiline", "required": true } }</c>, in the form field types.</summary>
    private static IReadOnlyList<FormField>? StepInputs(JsonObjectReader transition, List<DefinitionError> errors)
    {
        if (transition.Object("inputs") is not { } inputs)
        {
            return null;
        }

        var fields = new List<FormField>();
        foreach (var input in inputs.Properties())
        {
            if (input.Value.ValueKind != JsonValueKind.Object)
            {
                inputs.Error(input.Name, "wrong-type", "An input is an object such as {\"type\": \"text\"}.",
                    "Un input è un oggetto come {\"type\": \"text\"}.");
                continue;
            }

            var reader = new JsonObjectReader(input.Value, inputs.PathOf(input.Name), errors);
            var typeName = reader.RequiredString("type");
            if (typeName is null)
            {
                continue;
            }

            if (!Enum.TryParse<FormFieldType>(typeName, ignoreCase: true, out var type) || int.TryParse(typeName, out _))
            {
                reader.Error("type", "bad-value", $"\"{typeName}\" is not a field type; use a form field type or \"object\".",
                    $"\"{typeName}\" non è un tipo di campo: usa un tipo dei moduli oppure \"object\".");
                continue;
            }

            var options = reader.StringList("options").Select(o => new FormOption(o, new LocalizedText(o, o))).ToList();
            fields.Add(new FormField(input.Name, new LocalizedText(input.Name, input.Name), type, reader.OptionalBool("required"),
                options, [], null, reader.OptionalBool("secret"), null));
        }

        return fields;
    }

    /// <summary><c>"run"</c>: the step's <c>invoke</c> and <c>setVariable</c> activities, in order.</summary>
    private static IReadOnlyList<ActivityDefinition>? StepActivities(JsonObjectReader transition, List<DefinitionError> errors)
    {
        if (transition.Get("run") is not { } run)
        {
            return null;
        }

        if (run.ValueKind != JsonValueKind.Array)
        {
            transition.Error("run", "wrong-type", "\"run\" must be an array of invoke or setVariable activities.",
                "\"run\" deve essere un array di attività invoke o setVariable.");
            return null;
        }

        var activities = new List<ActivityDefinition>();
        var index = 0;
        foreach (var item in run.EnumerateArray())
        {
            var path = DefinitionPath.Index(transition.PathOf("run"), index++);
            if (ActivityParser.Parse(item, path, errors) is not { } activity)
            {
                continue;
            }

            if (activity is not (InvokeActivity or SetVariableActivity))
            {
                errors.Add(new DefinitionError(DefinitionPath.Property(path, "activity"), "bad-step-activity",
                    $"A step runs only invoke and setVariable activities, not {activity.Kind}; put it in the target state's onEntry.",
                    $"Un passo esegue solo attività invoke e setVariable, non {activity.Kind}: mettila nell'onEntry dello stato di arrivo."));
                continue;
            }

            activities.Add(activity);
        }

        return activities;
    }
}
