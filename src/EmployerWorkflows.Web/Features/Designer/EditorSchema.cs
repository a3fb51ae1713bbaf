using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// The definition schema as the editor gets it: the embedded schema plus, under <c>x-operations</c>, the registered
/// operations with the inputs they declare, so completion offers an invoke's inputs from the same declaration the
/// validator checks and the sandbox records. Operation names become <c>examples</c> of <c>invoke.operation</c>.
/// </summary>
public static class EditorSchema
{
    public static string With(IEnumerable<IWorkflowOperation> operations)
    {
        var schema = JsonNode.Parse(EmbeddedSchemas.Text(EmbeddedSchemas.Workflow))!.AsObject();
        var registered = operations.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        schema["x-operations"] = new JsonObject(registered.Select(operation => KeyValuePair.Create(operation.Name, (JsonNode?)new JsonObject
        {
            ["description"] = operation.Description,
            ["inputs"] = new JsonObject(operation.Inputs.Select(input => KeyValuePair.Create(input.Name, (JsonNode?)new JsonObject
            {
                ["type"] = JsonNamingPolicy.CamelCase.ConvertName(input.Type.ToString()),
                ["required"] = input.Required,
                ["description"] = input.Description,
            }))),
        })));
        schema["$defs"]!["invoke"]!["properties"]!["operation"]!["examples"] = new JsonArray(registered.Select(o => (JsonNode?)o.Name).ToArray());
        return schema.ToJsonString();
    }
}
