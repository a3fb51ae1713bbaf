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
                    Contract(parsed.Definition, stateName, state, trigger, transition, path, rules);
                }
            }
        }
    }

    /// <summary>
    /// The step's contract: its run activities are valid, no declared input (the transition's, or a field of a form
    /// whose task offers the trigger) names a protected variable, and every required field is one the step accepts.
    /// </summary>
    private static void Contract(WorkflowDefinition definition, string stateName, StateDefinition state, string trigger,
        TransitionDefinition transition, string path, ReferenceRules rules)
    {
        for (var i = 0; i < transition.Steps.Count; i++)
        {
            ActivityRules.CheckStep(transition.Steps[i], DefinitionPath.Index(DefinitionPath.Property(path, "run"), i), state, rules);
        }

        var protectedNames = Execution.StepContract.ProtectedVariables(definition);
        foreach (var input in transition.DeclaredInputs.Where(i => protectedNames.Contains(i.Name)))
        {
            ProtectedInput(DefinitionPath.Property(DefinitionPath.Property(path, "inputs"), input.Name), input.Name, rules);
        }

        var accepted = transition.DeclaredInputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var formsKnown = true;
        for (var a = 0; a < state.OnEntry.Count; a++)
        {
            if (state.OnEntry[a] is not HumanTaskActivity task || !task.Actions.Contains(trigger))
            {
                continue;
            }

            if (rules.FormFields(task.Form) is not { } fields)
            {
                formsKnown = false;
                continue;
            }

            foreach (var field in fields)
            {
                accepted.Add(field.Name);
                if (protectedNames.Contains(field.Name))
                {
                    ProtectedInput(DefinitionPath.Property(ParsedWorkflow.ActivityPath(stateName, a), "form"), field.Name, rules);
                }
            }
        }

        for (var r = 0; formsKnown && r < transition.Requires.Count; r++)
        {
            var name = transition.Requires[r];
            if (!accepted.Contains(name))
            {
                rules.Add(DefinitionPath.Index(DefinitionPath.Property(path, "requires"), r), "requires-undeclared",
                    $"\"{name}\" is required but the step does not accept it: it is not a field of the form of a task offering \"{trigger}\" nor one of the transition's \"inputs\".",
                    $"\"{name}\" è obbligatorio ma il passo non lo accetta: non è un campo del modulo di un'attività che offre \"{trigger}\" né uno degli \"inputs\" della transizione.");
            }
        }
    }

    private static void ProtectedInput(string path, string name, ReferenceRules rules) =>
        rules.AddOnce(path, "protected-input",
            $"\"{name}\" is a variable the procedure sets (a definition variable, a setVariable or an operation result), so no payload may write it; rename the field.",
            $"\"{name}\" è una variabile impostata dalla procedura (variabile della definizione, setVariable o risultato di un'operazione), quindi nessun dato inviato può scriverla: rinomina il campo.");
}
