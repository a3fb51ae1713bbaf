using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>What the model reads from a shipped file it can write back, losing nothing, as a definition that parses again.</summary>
public sealed class ShippedDefinitionRoundTripTests
{
    public static TheoryData<string> Files => new(Directory.GetFiles(WorkflowsFolder.Path, "*.workflow.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedDefinition_KeepsEveryWrittenValue_WhenReadAndWrittenBack(string file)
    {
        var text = File.ReadAllText(Path.Combine(WorkflowsFolder.Path, file));
        var original = Normalised(JsonNode.Parse(text)!.AsObject());

        var written = Write(text);

        Assert.Empty(Lost(original, written, "$"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedDefinition_ParsesAgainWithoutErrors_WhenWrittenBack(string file)
    {
        var written = Write(File.ReadAllText(Path.Combine(WorkflowsFolder.Path, file)));

        var again = WorkflowDefinitionParser.Parse(written.ToJsonString());

        Assert.Empty(again.Errors);
        Assert.True(JsonNode.DeepEquals(written, Write(written.ToJsonString())));
    }

    [Fact]
    public void Parse_ReadsActivityKind_WhenDiscriminatorIsNotFirst()
    {
        var json = """
            { "id": "x", "title": { "it": "X", "en": "X" }, "initial": "A",
              "states": { "A": { "onEntry": [ { "name": "n", "value": "1", "activity": "setVariable" } ], "on": { "go": { "to": "B" } } },
                          "B": { "final": true } } }
            """;

        var activity = Assert.Single(WorkflowDefinitionParser.Parse(json).Definition!.States["A"].OnEntry);

        Assert.Equal(new SetVariableActivity("n", "1"), activity);
    }

    private static JsonObject Write(string text)
    {
        var check = WorkflowDefinitionParser.Parse(text);
        Assert.Empty(check.Errors);
        return JsonSerializer.SerializeToNode(check.Definition, DefinitionJson.Options)!.AsObject();
    }

    /// <summary>The file as the model sees it: a trigger's single transition is a list of one, <c>$schema</c> is the editor's.</summary>
    private static JsonObject Normalised(JsonObject definition)
    {
        definition.Remove("$schema");
        foreach (var (_, state) in definition["states"]!.AsObject())
        {
            if (state!["on"] is not JsonObject on)
                continue;
            foreach (var trigger in on.Select(t => t.Key).ToList())
            {
                if (on[trigger] is JsonObject single)
                    on[trigger] = new JsonArray(single.DeepClone());
            }
        }
        return definition;
    }

    /// <summary>Paths of the values of <paramref name="original"/> that <paramref name="written"/> lacks or changed.</summary>
    private static IEnumerable<string> Lost(JsonNode? original, JsonNode? written, string path) => (original, written) switch
    {
        (JsonObject o, JsonObject w) => o.SelectMany(p => w.ContainsKey(p.Key) ? Lost(p.Value, w[p.Key], $"{path}.{p.Key}") : [$"{path}.{p.Key}"]),
        (JsonArray o, JsonArray w) when o.Count == w.Count => o.SelectMany((item, i) => Lost(item, w[i], $"{path}[{i}]")),
        _ => JsonNode.DeepEquals(original, written) ? [] : [path],
    };
}
