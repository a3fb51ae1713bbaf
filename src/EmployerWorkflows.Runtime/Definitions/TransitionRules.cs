namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Semantic rules of transitions besides their targets: roles that may fire them and guard syntax.</summary>
internal static class TransitionRules
{
    public static void Check(ParsedWorkflow parsed, ReferenceRules rules)
    {
        foreach (var (stateName, state) in parsed.Definition.States)
        {
            foreach (var (trigger, transitions) in state.On)
            {
                for (var i = 0; i < transitions.Count; i++)
                {
                    var path = parsed.TransitionPath(stateName, trigger, i);
                    var transition = transitions[i];
                    for (var r = 0; r < transition.Roles.Count; r++)
                    {
                        rules.Role(DefinitionPath.Index(DefinitionPath.Property(path, "roles"), r), transition.Roles[r]);
                    }

                    rules.Guard(DefinitionPath.Property(path, "when"), transition.When);
                }
            }
        }
    }
}
