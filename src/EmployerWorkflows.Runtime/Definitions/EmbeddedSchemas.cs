using System.Collections.Concurrent;
using Json.Schema;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>The JSON Schemas of <c>workflows/schema/</c>, embedded in the runtime assembly.</summary>
public static class EmbeddedSchemas
{
    /// <summary>File name of the workflow definition schema.</summary>
    public const string Workflow = "workflow.schema.json";

    /// <summary>File name of the form schema.</summary>
    public const string Form = "form.schema.json";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    /// <summary>The text of a schema, e.g. to serve it to the designer's editor.</summary>
    public static string Text(string fileName)
    {
        var resource = $"EmployerWorkflows.Schemas.{fileName}";
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The runtime assembly lacks the embedded schema {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A built schema, loaded once. Each gets its own registry so its <c>$id</c> never clashes with a host's.</summary>
    public static JsonSchema Get(string fileName) =>
        Schemas.GetOrAdd(fileName, name => new Lazy<JsonSchema>(
            () => JsonSchema.FromText(Text(name), new BuildOptions { SchemaRegistry = new SchemaRegistry() }))).Value;
}
