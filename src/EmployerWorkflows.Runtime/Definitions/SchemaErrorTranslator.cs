using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Turns JSON Schema results into <see cref="DefinitionError"/>s a designer can act on: JSON paths instead of
/// pointers, one error per real problem (conditions of <c>if</c> and losing <c>oneOf</c> branches are dropped),
/// and messages that say what to write.
/// </summary>
internal static partial class SchemaErrorTranslator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"/oneOf/[0-9]+\z")]
    private static partial Regex OneOfBranch();

    /// <summary>Validates <paramref name="instance"/> and returns its errors (empty when valid).</summary>
    public static IReadOnlyList<DefinitionError> Validate(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, Options);
        var errors = new List<DefinitionError>();
        if (!results.IsValid)
        {
            Collect(results, instance, errors);
        }

        return errors.Distinct().ToList();
    }

    private static void Collect(EvaluationResults node, JsonElement root, List<DefinitionError> errors)
    {
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.AddRange(Translate(node, keyword, message, root));
        }

        var children = (node.Details ?? []).Where(d => !d.IsValid && !EndsWith(d.EvaluationPath.ToString(), "if")).ToList();
        var branches = children.Where(d => OneOfBranch().IsMatch(d.EvaluationPath.ToString())).ToList();
        foreach (var child in children.Except(branches).Concat(RelevantBranches(branches)))
        {
            Collect(child, root, errors);
        }
    }

    /// <summary>
    /// A failed <c>oneOf</c> reports every branch; the branches rejected merely for the wrong JSON type are noise
    /// when another branch matched the type and failed on a detail.
    /// </summary>
    private static IEnumerable<EvaluationResults> RelevantBranches(List<EvaluationResults> branches)
    {
        var typed = branches.Where(b => !RejectsType(b)).ToList();
        return typed.Count > 0 ? typed : branches;
    }

    private static bool RejectsType(EvaluationResults node) =>
        node.Errors?.ContainsKey("type") == true
        || (node.Details ?? []).Any(d => !d.IsValid
            && d.InstanceLocation.ToString() == node.InstanceLocation.ToString()
            && EndsWith(d.EvaluationPath.ToString(), "$ref")
            && RejectsType(d));

    private static IEnumerable<DefinitionError> Translate(EvaluationResults node, string keyword, string message, JsonElement root)
    {
        var pointer = node.InstanceLocation.ToString();
        var path = ToPath(pointer, root);
        var schemaLocation = node.SchemaLocation.ToString();
        var evaluationPath = node.EvaluationPath.ToString();
        switch (keyword)
        {
            case "" when EndsWith(evaluationPath, "additionalProperties"):
                yield return new DefinitionError(path, "schema",
                    $"\"{LastSegment(pointer)}\" is not a known property here; remove it or check its spelling.",
                    $"\"{LastSegment(pointer)}\" non è una proprietà prevista qui: toglila o controlla come è scritta.");
                yield break;
            case "required":
                var missing = QuotedName().Matches(message).Select(m => m.Groups[1].Value).ToList();
                if (missing.Count == 0)
                {
                    yield return new DefinitionError(path, "schema", message, message);
                }

                foreach (var name in missing)
                {
                    yield return new DefinitionError(DefinitionPath.Property(path, name), "schema",
                        $"The required property \"{name}\" is missing; add it.", $"Manca la proprietà obbligatoria \"{name}\": aggiungila.");
                }

                yield break;
            case "pattern" when schemaLocation.EndsWith("/$defs/duration", StringComparison.Ordinal):
                yield return new DefinitionError(path, "bad-duration",
                    DurationMessages.NotIso(Quote(root, pointer)), DurationMessages.NotIsoItalian(QuoteItalian(root, pointer)));
                yield break;
            case "pattern" when evaluationPath.Contains("/propertyNames", StringComparison.Ordinal):
                var nameForm = Describe(schemaLocation, evaluationPath);
                yield return new DefinitionError(path, "schema",
                    $"\"{LastSegment(pointer)}\" is not a valid name. {nameForm.English}",
                    $"\"{LastSegment(pointer)}\" non è un nome valido. {nameForm.Italian}");
                yield break;
            case "pattern":
                var form = Describe(schemaLocation, evaluationPath);
                yield return new DefinitionError(path, "schema",
                    $"{Quote(root, pointer)} has the wrong form. {form.English}",
                    $"{QuoteItalian(root, pointer)} non ha la forma giusta. {form.Italian}");
                yield break;
            case "enum" when LastSegment(pointer) == "activity":
                yield return new DefinitionError(path, "unknown-activity",
                    $"{Quote(root, pointer)} is not an activity; use one of {string.Join(", ", ActivityDefinition.Kinds)}.",
                    $"{QuoteItalian(root, pointer)} non è un'attività: usa una di queste: {string.Join(", ", ActivityDefinition.Kinds)}.");
                yield break;
            case "enum" when LastSegment(pointer) == "type" && pointer.StartsWith("/fields/", StringComparison.Ordinal):
                yield return new DefinitionError(path, "schema",
                    $"{Quote(root, pointer)} is not a field type; use one of {string.Join(", ", FieldTypes)}.",
                    $"{QuoteItalian(root, pointer)} non è un tipo di campo: usa uno di questi: {string.Join(", ", FieldTypes)}.");
                yield break;
            case "enum" when LastSegment(pointer) == "priority":
                yield return new DefinitionError(path, "schema",
                    PriorityMessages.Unknown(Quote(root, pointer)), PriorityMessages.UnknownItalian(QuoteItalian(root, pointer)));
                yield break;
            default:
                // The schema library's own words, English only.
                yield return new DefinitionError(path, "schema", $"{message}.", $"{message}.");
                yield break;
        }
    }

    private static IEnumerable<string> FieldTypes =>
        Enum.GetNames<Forms.FormFieldType>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n));

    /// <summary>What a well-formed value looks like, in English and in Italian.</summary>
    private static (string English, string Italian) Describe(string schemaLocation, string evaluationPath) => schemaLocation switch
    {
        _ when schemaLocation.EndsWith("/$defs/name", StringComparison.Ordinal) =>
            ("Names start with a letter and contain only letters, digits and underscores, e.g. UnderReview.",
             "I nomi iniziano con una lettera e contengono solo lettere, cifre e trattini bassi, ad esempio UnderReview."),
        _ when schemaLocation.EndsWith("/$defs/resourceName", StringComparison.Ordinal) =>
            ("Template and form names are kebab-case, e.g. company-review.",
             "I nomi di modelli e moduli sono in kebab-case, ad esempio company-review."),
        _ when schemaLocation.EndsWith("/$defs/activityId", StringComparison.Ordinal) =>
            ("Activity ids start with a letter and contain letters, digits, '-' or '_'.",
             "Gli id delle attività iniziano con una lettera e contengono lettere, cifre, '-' o '_'."),
        _ when evaluationPath == "/properties/id" =>
            ("Definition ids are kebab-case, e.g. company-registration.",
             "Gli id delle definizioni sono in kebab-case, ad esempio company-registration."),
        _ when evaluationPath.EndsWith("/operation", StringComparison.Ordinal) =>
            ("Operation names are dotted camelCase words, e.g. company.activate.",
             "I nomi delle operazioni sono parole camelCase separate da punti, ad esempio company.activate."),
        _ => ("Check the format described by the schema.", "Controlla il formato descritto dallo schema."),
    };

    private static string Quote(JsonElement root, string pointer) => Quoted(root, pointer) ?? "The value";

    private static string QuoteItalian(JsonElement root, string pointer) => Quoted(root, pointer) ?? "Il valore";

    private static string? Quoted(JsonElement root, string pointer) =>
        Resolve(root, pointer) is { ValueKind: JsonValueKind.String } value ? $"\"{value.GetString()}\"" : null;

    /// <summary>Converts <c>/states/A/onEntry/0</c> to <c>$.states.A.onEntry[0]</c>, telling indexes from keys by the document.</summary>
    internal static string ToPath(string pointer, JsonElement root)
    {
        var path = DefinitionPath.Root;
        JsonElement? current = root;
        foreach (var segment in Segments(pointer))
        {
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, out var index))
            {
                path = DefinitionPath.Index(path, index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = DefinitionPath.Property(path, segment);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        return path;
    }

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        JsonElement? current = root;
        foreach (var segment in Segments(pointer))
        {
            current = current switch
            {
                { ValueKind: JsonValueKind.Array } a when int.TryParse(segment, out var i) && i < a.GetArrayLength() => a[i],
                { ValueKind: JsonValueKind.Object } o when o.TryGetProperty(segment, out var child) => child,
                _ => null,
            };
        }

        return current;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    private static string LastSegment(string pointer) => Segments(pointer).LastOrDefault() ?? "";

    private static bool EndsWith(string evaluationPath, string keyword) =>
        evaluationPath.EndsWith("/" + keyword, StringComparison.Ordinal);
}
