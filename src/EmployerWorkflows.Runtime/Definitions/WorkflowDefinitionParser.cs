using System.Text.Json;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Turns the JSON text of a definition into a <see cref="WorkflowDefinition"/>: JSON syntax, repeated keys, the
/// JSON Schema (which words every structural problem with its path), then System.Text.Json reads the records.
/// <see cref="IDefinitionValidator"/> adds the semantic rules. Problems come back as <see cref="DefinitionError"/>s
/// with JSON paths, never as exceptions.
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
            return new DefinitionCheck(null, errors);

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
            // The parser explains itself only in English, so the Italian text quotes the spot instead of the reason.
            var near = Near(json, ex.LineNumber, ex.BytePositionInLine);
            errors.Add(new DefinitionError(DefinitionPath.Root, "invalid-json",
                $"The document is not valid JSON{where}: {ex.Message} Fix the syntax (quotes, commas, brackets).",
                $"Il documento non è JSON valido{whereItalian}{(near is null ? "" : $", vicino a «{near}»")}. Correggi la sintassi (virgolette, virgole, parentesi)."));
            return null;
        }
    }

    /// <summary>Up to 20 characters of the line before the position a syntax error names, trimmed; null when there is nothing to quote.</summary>
    private static string? Near(string json, long? lineNumber, long? position)
    {
        if (lineNumber is not { } row || position is not { } column) return null;
        var lines = json.Split('\n');
        if (row >= lines.Length) return null;
        var line = lines[row].TrimEnd('\r');
        var end = (int)Math.Min(Math.Max(column + 1, 0), line.Length);
        var text = line[Math.Max(0, end - 20)..end].Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Checks a parsed document against the schema and reads it; adds every error, repeated keys included. The model
    /// is read even when keys repeat (the first one counts), so the semantic rules can still speak about the rest.
    /// </summary>
    internal static ParsedWorkflow? Parse(JsonElement root, List<DefinitionError> errors)
    {
        DuplicateKeyScanner.Scan(root, DefinitionPath.Root, errors);
        var schemaErrors = SchemaErrorTranslator.Validate(EmbeddedSchemas.Get(EmbeddedSchemas.Workflow), root);
        errors.AddRange(schemaErrors);
        return schemaErrors.Count > 0 ? null : Read(root, errors);
    }

    /// <summary>Reads a schema-valid document into the model.</summary>
    internal static ParsedWorkflow? Read(JsonElement root, List<DefinitionError> errors)
    {
        try
        {
            var definition = root.Deserialize<WorkflowDefinition>(DefinitionJson.Options)!;
            return new ParsedWorkflow(definition, TransitionLists(root));
        }
        catch (JsonException ex)
        {
            // The schema let through something the model cannot hold: the two disagree, which a test guards against.
            errors.Add(new DefinitionError(ex.Path ?? DefinitionPath.Root, "model-mismatch",
                $"This value passes the schema but the runtime cannot read it: {ex.Message}",
                $"Questo valore rispetta lo schema ma il motore non riesce a leggerlo: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Triggers written as an array of alternatives, so error paths read <c>on.approve[1]</c> rather than <c>on.approve</c>.</summary>
    private static HashSet<string> TransitionLists(JsonElement root)
    {
        var lists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in root.GetProperty("states").EnumerateObject())
        {
            if (!state.Value.TryGetProperty("on", out var on))
                continue;
            foreach (var trigger in on.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Array))
                lists.Add(ParsedWorkflow.Key(state.Name, trigger.Name));
        }
        return lists;
    }
}
