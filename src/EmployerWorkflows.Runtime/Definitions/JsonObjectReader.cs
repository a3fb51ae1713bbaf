using System.Text.Json;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Reads the properties of one JSON object of a definition, recording a <see cref="DefinitionError"/> for
/// each missing or mistyped property instead of throwing, so one pass reports every problem.
/// </summary>
internal readonly struct JsonObjectReader(JsonElement element, string path, List<DefinitionError> errors)
{
    public string Path => path;

    public JsonElement? Get(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string PathOf(string name) => DefinitionPath.Property(path, name);

    public string? RequiredString(string name)
    {
        if (Get(name) is null)
        {
            errors.Add(new DefinitionError(PathOf(name), "missing-property",
                $"Add the required property \"{name}\".", $"Aggiungi la proprietà obbligatoria \"{name}\"."));
            return null;
        }

        return OptionalString(name);
    }

    public string? OptionalString(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(name, "a string", "una stringa");
            return null;
        }

        return value.GetString();
    }

    public bool OptionalBool(string name)
    {
        if (Get(name) is not { } value)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        WrongType(name, "true or false", "true o false");
        return false;
    }

    public int? OptionalInt(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        WrongType(name, "a whole number", "un numero intero");
        return null;
    }

    public IReadOnlyList<string> StringList(string name, bool required = false)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                errors.Add(new DefinitionError(PathOf(name), "missing-property",
                    $"Add the required list \"{name}\".", $"Aggiungi l'elenco obbligatorio \"{name}\"."));
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "an array of strings", "un array di stringhe");
            return [];
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                errors.Add(new DefinitionError(
                    DefinitionPath.Index(PathOf(name), index), "wrong-type", "Each item must be a string.", "Ogni elemento deve essere una stringa."));
            }

            index++;
        }

        return items;
    }

    public LocalizedText? Localized(string name, bool required)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                errors.Add(new DefinitionError(
                    PathOf(name), "missing-property", $"Add \"{name}\" as {{\"it\": \"…\", \"en\": \"…\"}}.",
                    $"Aggiungi \"{name}\" nella forma {{\"it\": \"…\", \"en\": \"…\"}}."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, "an object {\"it\": \"…\", \"en\": \"…\"}", "un oggetto {\"it\": \"…\", \"en\": \"…\"}");
            return null;
        }

        var text = new JsonObjectReader(value, PathOf(name), errors);
        var it = text.RequiredString("it");
        var en = text.RequiredString("en");
        return it is null || en is null ? null : new LocalizedText(it, en);
    }

    public JsonObjectReader? Object(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, "an object", "un oggetto");
            return null;
        }

        return new JsonObjectReader(value, PathOf(name), errors);
    }

    public IEnumerable<JsonProperty> Properties() => element.EnumerateObject();

    public void Error(string name, string code, string message, string italian) =>
        errors.Add(new DefinitionError(PathOf(name), code, message, italian));

    private void WrongType(string name, string expected, string expectedItalian) =>
        errors.Add(new DefinitionError(PathOf(name), "wrong-type", $"\"{name}\" must be {expected}.", $"\"{name}\" deve essere {expectedItalian}."));
}
