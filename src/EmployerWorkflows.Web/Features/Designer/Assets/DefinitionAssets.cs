using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>
/// The templates and forms a definition document names (activities' <c>template</c> and <c>form</c>), read from
/// the JSON so that a draft with errors still lists them.
/// </summary>
public sealed record DefinitionAssets(IReadOnlyList<string> Templates, IReadOnlyList<string> Forms)
{
    public static DefinitionAssets Of(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return new DefinitionAssets([], []);
        }
        var templates = new SortedSet<string>(StringComparer.Ordinal);
        var forms = new SortedSet<string>(StringComparer.Ordinal);
        Collect(root, templates, forms);
        return new DefinitionAssets(templates.ToList(), forms.ToList());
    }

    private static void Collect(JsonNode? node, SortedSet<string> templates, SortedSet<string> forms)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("activity"))
                {
                    AddName(obj["template"], templates);
                    AddName(obj["form"], forms);
                }
                foreach (var (_, child) in obj) Collect(child, templates, forms);
                break;
            case JsonArray array:
                foreach (var child in array) Collect(child, templates, forms);
                break;
        }
    }

    private static void AddName(JsonNode? value, SortedSet<string> names)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0) names.Add(name);
    }
}
