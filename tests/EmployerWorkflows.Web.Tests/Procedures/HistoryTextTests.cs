using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Procedures;

/// <summary>Every step of every shipped procedure reads, in history lines and on buttons, as its title.</summary>
public sealed class HistoryTextTests
{
    public static TheoryData<string, string> FilesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in ShippedWorkflows.DefinitionFiles)
        {
            data.Add(file, "it-IT");
            data.Add(file, "en-GB");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void HistoryText_NamesEveryTransitionByItsTitles_ForEveryShippedProcedure(string file, string culture)
    {
        var definition = Shipped(file);
        var (expected, actual) = (new List<string>(), new List<string>());

        InCulture.Run(culture, () =>
        {
            foreach (var (from, state) in definition.States)
                foreach (var (trigger, alternatives) in state.On)
                    foreach (var transition in alternatives)
                    {
                        var entry = new JournalEntry { Kind = JournalKind.Transition, Trigger = trigger, FromState = from, ToState = transition.To };
                        expected.Add($"{transition.Title!.For(culture)}: {definition.States[from].Title!.For(culture)} → {definition.States[transition.To].Title!.For(culture)}");
                        actual.Add(HistoryText.For(entry, definition));
                    }
        });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(FilesAndCultures))]
    public void ActionTitle_GivesEveryTaskButtonItsTitle_ForEveryShippedProcedure(string file, string culture)
    {
        var definition = Shipped(file);
        var buttons = definition.States
            .SelectMany(s => s.Value.OnEntry.OfType<HumanTaskActivity>().SelectMany(t => t.Actions).Select(a => (State: s.Key, Action: a)))
            .ToList();

        InCulture.Run(culture, () =>
        {
            foreach (var (state, action) in buttons)
            {
                var title = ProcedureMap.ActionTitle(definition, action, state);
                Assert.Equal(definition.States[state].On[action][0].Title!.For(culture), title);
                Assert.NotEqual(action, title);
            }
        });
    }

    [Fact]
    public void HistoryText_ReadsUntitledStepsAsWords_WhenAnOlderDefinitionHasNoTitles()
    {
        var definition = new WorkflowDefinition("old", new LocalizedText("Vecchia", "Old"), "UnderReview",
            new Dictionary<string, StateDefinition>
            {
                ["UnderReview"] = new(null, [], new Dictionary<string, IReadOnlyList<TransitionDefinition>>
                {
                    ["requestIntegration"] = [new TransitionDefinition("AwaitingIntegration", null, [], [], null)],
                }, false),
                ["AwaitingIntegration"] = new(null, [], new Dictionary<string, IReadOnlyList<TransitionDefinition>>(), true),
            },
            new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        var entry = new JournalEntry { Kind = JournalKind.Transition, Trigger = "requestIntegration", FromState = "UnderReview", ToState = "AwaitingIntegration" };

        var line = InCulture.Run("it-IT", () => HistoryText.For(entry, definition));

        Assert.Equal("Request integration: Under review → Awaiting integration", line);
    }

    private static WorkflowDefinition Shipped(string file) =>
        WorkflowDefinitionParser.Parse(File.ReadAllText(Path.Combine(ShippedWorkflows.Folder, file))).Definition!;
}
