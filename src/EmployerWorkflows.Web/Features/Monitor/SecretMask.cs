using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>
/// Instance variables for an operator's eyes. The runtime never stores secret payload fields, but defaults and
/// operation results are stored as they come: any field whose name the runtime treats as secret is masked here too.
/// </summary>
public sealed class SecretMask(PayloadRules payloads)
{
    public const string Masked = "***";

    private static readonly JsonSerializerOptions Indent = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Indented(string json)
    {
        var node = JsonNode.Parse(json);
        Mask(node);
        return node?.ToJsonString(Indent) ?? "{}";
    }

    private void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (payloads.IsSecret(name)) o[name] = Masked;
                    else Mask(o[name]);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Mask(item);
                break;
        }
    }
}
