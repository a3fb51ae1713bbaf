using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class ShippedTransitionTitlesTests
{
    public static TheoryData<string> Files => new(Directory.GetFiles(WorkflowsFolder.Path, "*.workflow.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedDefinition_TitlesEveryTransitionInBothLanguages_WhenParsed(string file)
    {
        var definition = WorkflowDefinitionParser.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder.Path, file))).Definition!;

        var untitled = definition.States
            .SelectMany(s => s.Value.On.SelectMany(on => on.Value.Select(t => (State: s.Key, Trigger: on.Key, t.Title))))
            .Where(t => string.IsNullOrWhiteSpace(t.Title?.It) || string.IsNullOrWhiteSpace(t.Title?.En))
            .Select(t => $"{t.State}.{t.Trigger}");
        Assert.Empty(untitled);
    }
}
