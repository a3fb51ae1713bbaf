namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Advice, not errors: a task action without a title still works (its name is shown in a readable form), so
/// definitions written before titles existed keep publishing; the designer is told which buttons lack a label.
/// </summary>
internal static class TitleRules
{
    public static IReadOnlyList<DefinitionError> Warnings(ParsedWorkflow parsed)
    {
        var warnings = new List<DefinitionError>();
        foreach (var (stateName, state) in parsed.Definition.States)
        {
            var actions = state.OnEntry.OfType<HumanTaskActivity>().SelectMany(t => t.Actions).Distinct(StringComparer.Ordinal);
            foreach (var action in actions)
            {
                if (!state.On.TryGetValue(action, out var alternatives) || alternatives.Any(t => t.Title is not null))
                {
                    continue;
                }

                var example = TriggerTitles.Humanise(action).En;
                warnings.Add(new DefinitionError(parsed.TransitionPath(stateName, action, 0), "action-without-title",
                    $"The task offers \"{action}\" as a button but its transition has no \"title\"; people would read \"{example}\". "
                    + "Add \"title\": {\"it\": \"…\", \"en\": \"…\"}.",
                    $"L'attività offre \"{action}\" come pulsante ma la sua transizione non ha \"title\": si leggerebbe \"{example}\". "
                    + "Aggiungi \"title\": {\"it\": \"…\", \"en\": \"…\"}."));
            }
        }

        return warnings;
    }
}
