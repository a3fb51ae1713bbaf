using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>
/// Every state-changing JSON operation of the OpenAPI document, sent the bodies a careless or hostile client sends:
/// none may fail with a 5xx, every refusal is a problem document, and a typed request refuses what it cannot read.
/// </summary>
public sealed class OpenApiBadBodyTests : IAsyncLifetime
{
    private static readonly string[] Changes = ["post", "put", "patch", "delete"];
    private readonly AppFactory app = AppFactory.OnSqlite();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = await TestClients.LoggedInAsync(app, await AllRolesPerson.CreateAsync(app));
        // One token serves every request of this person; asking for it before each would double the requests.
        var token = JsonNode.Parse(await client.GetStringAsync("/api/antiforgery/token"))!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Add(AntiforgeryHeader.Name, token);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryJsonOperation_AnswersProblemWithoutServerError_WhenBodyIsBad()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var failures = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject().Where(o => Changes.Contains(o.Key)))
        {
            if (operation!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schemaRef) continue;
            operations++;
            var schema = Resolve(document, schemaRef);
            var typed = TypeOf(schema) == "object" && schema["properties"] is JsonObject { Count: > 0 };
            var url = Fill(path, operation);
            foreach (var (label, body, mustRefuse) in Bodies(document, schema))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                    failures.Add($"{method.ToUpperInvariant()} {path} with {label}: {status} {await response.Content.ReadAsStringAsync()}");
                else if (status >= 400 && type != "application/problem+json")
                    failures.Add($"{method.ToUpperInvariant()} {path} with {label}: {status} without a problem document ({type})");
                else if (typed && mustRefuse && status != 400)
                    failures.Add($"{method.ToUpperInvariant()} {path} with {label}: {status}, expected 400");
            }
        }
        Assert.True(operations > 20, $"Only {operations} JSON operations found in the document.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The bad bodies for one schema: label, text, and whether a typed request must refuse it with 400.</summary>
    private static IEnumerable<(string, string, bool)> Bodies(JsonNode document, JsonNode schema)
    {
        yield return ("{}", "{}", false);
        yield return ("null", "null", true);
        yield return ("[]", "[]", true);
        yield return ("a number", "42", true);
        yield return ("broken JSON", "{\"a\":", true);
        yield return ("an unknown field", "{\"unexpectedField\":1}", true);
        foreach (var (label, value, mustRefuse) in FieldValues(document, schema, depth: 0))
            yield return (label, value, mustRefuse);
    }

    /// <summary>Objects with one field of the schema given a wrong value, one level of nested objects included.</summary>
    private static IEnumerable<(string, string, bool)> FieldValues(JsonNode document, JsonNode schema, int depth)
    {
        if (schema["properties"] is not JsonObject properties) yield break;
        foreach (var (name, propertyRef) in properties)
        {
            var property = Resolve(document, propertyRef!);
            var values = new List<(string, string, bool)>();
            switch (TypeOf(property))
            {
                case "string":
                    values.Add(("an object", "{\"a\":1}", true));
                    break;
                case "integer" or "number" or "boolean":
                    values.Add(("text", "\"not-this\"", true));
                    break;
                case "array":
                    values.Add(("text", "\"not-this\"", true));
                    values.Add(("[null]", "[null]", false));
                    values.Add(("[{}]", "[{}]", false));
                    break;
                case "object":
                    values.Add(("text", "\"not-this\"", true));
                    values.Add(("null", "null", false));
                    if (property["properties"] is JsonObject)
                        values.Add(("an unknown field", "{\"unexpectedField\":1}", true));
                    if (depth == 0)
                        values.AddRange(FieldValues(document, property, depth + 1));
                    break;
            }
            foreach (var (label, value, mustRefuse) in values)
                yield return ($"{label} in {name}", $"{{\"{name}\":{value}}}", mustRefuse);
        }
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        var seen = 0;
        while (schema["$ref"]?.GetValue<string>() is { } reference && seen++ < 10)
            schema = reference.TrimStart('#', '/').Split('/').Aggregate(document, (node, part) => node[part]!);
        // A nullable reference is written as oneOf/anyOf [null, the schema].
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray options
            && options.FirstOrDefault(o => o?["type"]?.ToString() != "null") is { } actual)
            return Resolve(document, actual);
        return schema;
    }

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema["properties"] is not null ? "object" : null,
    };

    private static string Fill(string path, JsonNode operation)
    {
        var parameters = operation["parameters"] as JsonArray ?? [];
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}", m =>
        {
            var schema = parameters.FirstOrDefault(p => p?["name"]?.GetValue<string>() == m.Groups[1].Value)?["schema"];
            return schema?["format"]?.GetValue<string>() == "uuid" ? Guid.NewGuid().ToString()
                : TypeOf(schema ?? new JsonObject()) is "integer" or "number" ? "1"
                : "sample-" + m.Groups[1].Value.ToLowerInvariant();
        });
    }
}
