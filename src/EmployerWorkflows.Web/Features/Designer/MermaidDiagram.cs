using System.Text;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// A definition as a Mermaid state diagram: states with their titles, transitions labelled with their trigger
/// (and a mark when guarded), final states leading to the end. The state the instance stands in, or the one
/// under the designer's cursor, is highlighted.
/// </summary>
public static class MermaidDiagram
{
    public static string For(WorkflowDefinition definition, string? highlight = null, string language = "it")
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var (name, state) in definition.States)
            text.Append($"    state \"{Escape(state.Title?.For(language) ?? name)}\" as {name}\n");
        text.Append($"    [*] --> {definition.Initial}\n");
        foreach (var (name, state) in definition.States)
        {
            foreach (var (trigger, alternatives) in state.On)
                foreach (var transition in alternatives)
                    text.Append($"    {name} --> {transition.To} : {Escape(trigger)}{(transition.When is null ? "" : " [?]")}\n");
            if (state.Final) text.Append($"    {name} --> [*]\n");
        }
        if (highlight is not null && definition.States.ContainsKey(highlight))
            text.Append("    classDef current fill:#f0b400,stroke:#7a5a00,stroke-width:3px\n").Append($"    class {highlight} current\n");
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\"", "'").Replace(":", " ").Replace("\n", " ");
}
