namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Rules on the shape of the state machine: targets exist, every state is reachable and can finish.</summary>
internal static class StateGraphRules
{
    public static void Check(ParsedWorkflow parsed, List<DefinitionError> errors)
    {
        var definition = parsed.Definition;
        var states = definition.States;
        var initialKnown = states.ContainsKey(definition.Initial);
        if (!initialKnown)
        {
            errors.Add(new DefinitionError("$.initial", "unknown-initial-state",
                $"The initial state \"{definition.Initial}\" is not defined; set \"initial\" to one of: {string.Join(", ", states.Keys)}.",
                $"Lo stato iniziale \"{definition.Initial}\" non è definito: imposta \"initial\" a uno di questi: {string.Join(", ", states.Keys)}."));
        }

        foreach (var (name, state) in states)
        {
            CheckTargets(parsed, name, state, errors);
            if (state.Final && state.On.Count > 0)
            {
                errors.Add(new DefinitionError(DefinitionPath.Property(DefinitionPath.State(name), "on"), "final-state-has-transitions",
                    $"\"{name}\" is final, so the instance completes there and no trigger can leave it; remove \"on\" or \"final\".",
                    $"\"{name}\" è finale: la pratica vi si conclude e nessun evento può farla uscire. Togli \"on\" oppure \"final\"."));
            }
            else if (!state.Final && state.On.Count == 0)
            {
                errors.Add(new DefinitionError(DefinitionPath.State(name), "dead-end-state",
                    $"\"{name}\" is not final and has no transitions, so instances entering it would never finish; add \"on\" transitions or mark it \"final\": true.",
                    $"\"{name}\" non è finale e non ha transizioni: le pratiche che vi entrano non finirebbero mai. Aggiungi transizioni in \"on\" oppure segnalo \"final\": true."));
            }
        }

        if (initialKnown)
        {
            CheckReachability(definition, errors);
        }

        CheckFinishability(definition, errors);
    }

    private static void CheckTargets(ParsedWorkflow parsed, string name, StateDefinition state, List<DefinitionError> errors)
    {
        foreach (var (trigger, transitions) in state.On)
        {
            for (var i = 0; i < transitions.Count; i++)
            {
                if (!parsed.Definition.States.ContainsKey(transitions[i].To))
                {
                    errors.Add(new DefinitionError(DefinitionPath.Property(parsed.TransitionPath(name, trigger, i), "to"), "unknown-target-state",
                        $"The target state \"{transitions[i].To}\" is not defined; add it under \"states\" or correct the name.",
                        $"Lo stato di arrivo \"{transitions[i].To}\" non è definito: aggiungilo in \"states\" o correggi il nome."));
                }
            }
        }
    }

    private static void CheckReachability(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var reached = Closure([definition.Initial], name => Targets(definition, name));
        foreach (var name in definition.States.Keys.Where(n => !reached.Contains(n)))
        {
            errors.Add(new DefinitionError(DefinitionPath.State(name), "unreachable-state",
                $"No transition leads from \"{definition.Initial}\" to \"{name}\"; add a transition to it or remove the state.",
                $"Nessuna transizione porta da \"{definition.Initial}\" a \"{name}\": aggiungi una transizione verso questo stato o toglilo."));
        }
    }

    private static void CheckFinishability(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var finals = definition.FinalStates.ToList();
        if (finals.Count == 0)
        {
            errors.Add(new DefinitionError("$.states", "no-reachable-final-state",
                "No state is marked \"final\": true, so no instance could ever complete; mark the end states final.",
                "Nessuno stato ha \"final\": true, quindi nessuna pratica potrebbe concludersi: segna come finali gli stati conclusivi."));
            return;
        }

        var sources = definition.States
            .SelectMany(s => Targets(definition, s.Key).Select(target => (Source: s.Key, Target: target)))
            .ToLookup(edge => edge.Target, edge => edge.Source);
        var finishing = Closure(finals, name => sources[name]);
        foreach (var (name, state) in definition.States)
        {
            // States without transitions are reported as dead ends already.
            if (!finishing.Contains(name) && state.On.Count > 0)
            {
                errors.Add(new DefinitionError(DefinitionPath.State(name), "no-reachable-final-state",
                    $"No sequence of transitions leads from \"{name}\" to a final state, so instances there could never complete; add a transition towards a final state.",
                    $"Da \"{name}\" nessuna sequenza di transizioni porta a uno stato finale, quindi le pratiche lì non potrebbero concludersi: aggiungi una transizione verso uno stato finale."));
            }
        }
    }

    private static IEnumerable<string> Targets(WorkflowDefinition definition, string state) =>
        definition.States.TryGetValue(state, out var definitionState)
            ? definitionState.On.Values.SelectMany(t => t).Select(t => t.To).Where(definition.States.ContainsKey)
            : [];

    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var pending = new Queue<string>(seen);
        while (pending.TryDequeue(out var current))
        {
            foreach (var following in next(current).Where(seen.Add))
            {
                pending.Enqueue(following);
            }
        }

        return seen;
    }
}
