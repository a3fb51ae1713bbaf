using System.Text;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Procedures;

public enum StepKind { Done, Current, Next }

/// <summary>One step of a stepper: a state of the procedure, already passed, current, or possible next.</summary>
public sealed record Step(string State, string Title, StepKind Kind);

/// <summary>
/// Where a procedure stands, drawn from its definition: the stepper (states passed according to the journal, the
/// current one, the states it can move to) and a Mermaid <c>stateDiagram-v2</c> with the current state marked.
/// </summary>
public static class ProcedureMap
{
    public static string Title(WorkflowDefinition definition, string state) => definition.StateTitle(state).For(Lang.Code);

    /// <summary>What a trigger is called in the reader's language, e.g. «Chiedi integrazione» for <c>requestIntegration</c>.</summary>
    public static string ActionTitle(WorkflowDefinition definition, string trigger, string? fromState = null) =>
        definition.TriggerTitle(trigger, fromState).For(Lang.Code);

    public static IReadOnlyList<Step> Stepper(WorkflowDefinition definition, string current, IEnumerable<JournalEntry> history)
    {
        var passed = history.OrderBy(e => e.Id).Select(e => e.ToState).OfType<string>()
            .Where(s => s != current && definition.States.ContainsKey(s)).Distinct().ToList();
        var steps = passed.Select(s => new Step(s, Title(definition, s), StepKind.Done)).ToList();
        steps.Add(new Step(current, Title(definition, current), StepKind.Current));
        if (definition.States.TryGetValue(current, out var state))
            steps.AddRange(state.On.Values.SelectMany(alternatives => alternatives).Select(t => t.To)
                .Where(s => s != current).Distinct().Select(s => new Step(s, Title(definition, s), StepKind.Next)));
        return steps;
    }

    public static string Mermaid(WorkflowDefinition definition, string current)
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(definition.Initial).Append('\n');
        foreach (var (name, state) in definition.States)
        {
            text.Append("    ").Append(name).Append(" : ").Append(Escape(Title(definition, name))).Append('\n');
            foreach (var (trigger, alternatives) in state.On)
                foreach (var to in alternatives.Select(a => a.To).Distinct())
                    text.Append("    ").Append(name).Append(" --> ").Append(to).Append(" : ").Append(Escape(ActionTitle(definition, trigger, name))).Append('\n');
            if (state.Final) text.Append("    ").Append(name).Append(" --> [*]\n");
        }
        text.Append("    classDef current fill:#0b5cad,color:#fff,stroke:#072f5a,stroke-width:3px\n");
        text.Append("    class ").Append(current).Append(" current\n");
        return text.ToString();
    }

    // Mermaid reads ':' and ';' as syntax inside a state description.
    private static string Escape(string title) => title.Replace(':', ' ').Replace(';', ',');
}
