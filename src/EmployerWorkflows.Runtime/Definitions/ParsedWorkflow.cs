namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>A parsed definition plus what the model forgets but error paths need.</summary>
/// <param name="TransitionLists">Keys (<see cref="Key"/>) of triggers written as an array of transitions
/// rather than a single transition object, so paths read <c>on.approve[1]</c> or <c>on.approve</c>.</param>
internal sealed record ParsedWorkflow(WorkflowDefinition Definition, IReadOnlySet<string> TransitionLists)
{
    public static string Key(string state, string trigger) => state + "\n" + trigger;

    public string TransitionPath(string state, string trigger, int index)
    {
        var triggerPath = DefinitionPath.Property(DefinitionPath.Property(DefinitionPath.State(state), "on"), trigger);
        return TransitionLists.Contains(Key(state, trigger)) ? DefinitionPath.Index(triggerPath, index) : triggerPath;
    }

    public static string ActivityPath(string state, int index) =>
        DefinitionPath.Index(DefinitionPath.Property(DefinitionPath.State(state), "onEntry"), index);
}
