namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Semantic rules of entry activities: references, durations, expressions and triggers they fire.</summary>
internal static class ActivityRules
{
    public static void Check(WorkflowDefinition definition, ReferenceRules rules)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (stateName, state) in definition.States)
        {
            for (var i = 0; i < state.OnEntry.Count; i++)
            {
                var activity = state.OnEntry[i];
                var path = ParsedWorkflow.ActivityPath(stateName, i);
                if (activity.Id is { } id && !ids.Add(id))
                {
                    rules.Add(P(path, "id"), "duplicate-activity-id",
                        $"Another activity already has the id \"{id}\"; activity ids must be unique in the definition, so rename this one.",
                        $"Un'altra attività ha già l'id \"{id}\": gli id delle attività devono essere unici nella definizione, quindi rinomina questa.");
                }

                Check(activity, path, state, rules);
            }
        }
    }

    /// <summary>Rules of one activity of a transition's <c>run</c>.</summary>
    public static void CheckStep(ActivityDefinition activity, string path, StateDefinition state, ReferenceRules rules) =>
        Check(activity, path, state, rules);

    private static void Check(ActivityDefinition activity, string path, StateDefinition state, ReferenceRules rules)
    {
        switch (activity)
        {
            case HumanTaskActivity task:
                HumanTask(task, path, state, rules);
                break;
            case SendEmailActivity email:
                rules.Template(P(path, "template"), email.Template);
                rules.Expression(P(path, "to"), email.To);
                for (var i = 0; i < email.Attachments.Count; i++)
                {
                    rules.Expression(DefinitionPath.Index(P(path, "attachments"), i), email.Attachments[i]);
                }

                break;
            case TimerActivity timer:
                if ((timer.After is null) == (timer.At is null))
                {
                    rules.Add(path, "timer-needs-after-or-at",
                        "A timer needs exactly one of \"after\" (a duration such as P15D) or \"at\" (an expression giving an ISO date).",
                        "Un timer vuole esattamente uno tra \"after\" (una durata come P15D) e \"at\" (un'espressione che dà una data ISO).");
                }

                rules.Duration(P(path, "after"), timer.After);
                rules.Expression(P(path, "at"), timer.At);
                Trigger(P(path, "fire"), timer.Fire, state, rules);
                break;
            case ReminderActivity reminder:
                Reminder(reminder, path, state, rules);
                break;
            case InvokeActivity invoke:
                Invoke(invoke, path, rules);
                break;
            case SetVariableActivity set:
                rules.Expression(P(path, "value"), set.Value);
                break;
        }
    }

    private static void HumanTask(HumanTaskActivity task, string path, StateDefinition state, ReferenceRules rules)
    {
        if (task.Role is null && task.Assignee is null)
        {
            rules.Add(path, "task-needs-role-or-assignee",
                "Nobody could work this task; give it a \"role\" (an inbox) or an \"assignee\" expression, or both.",
                "Nessuno potrebbe lavorare questa attività: dalle un \"role\" (una coda di lavoro) o un'espressione \"assignee\", o entrambi.");
        }

        if (task.Role is not null)
        {
            rules.Role(P(path, "role"), task.Role);
        }

        rules.Expression(P(path, "assignee"), task.Assignee);
        rules.Form(P(path, "form"), task.Form);
        rules.Duration(P(path, "due"), task.Due);
        for (var i = 0; i < task.Actions.Count; i++)
        {
            Trigger(DefinitionPath.Index(P(path, "actions"), i), task.Actions[i], state, rules);
        }
    }

    private static void Reminder(ReminderActivity reminder, string path, StateDefinition state, ReferenceRules rules)
    {
        rules.Duration(P(path, "every"), reminder.Every, mustBePositive: true);
        rules.Duration(P(path, "first"), reminder.First);
        rules.Template(P(path, "template"), reminder.Template);
        rules.Expression(P(path, "to"), reminder.To);
        if (reminder.Escalate is null)
        {
            return;
        }

        if (reminder.Times is null)
        {
            rules.Add(P(path, "escalate"), "escalate-needs-times",
                "\"escalate\" fires after the last reminder, but without \"times\" reminders never end; add \"times\".",
                "\"escalate\" scatta dopo l'ultimo sollecito, ma senza \"times\" i solleciti non finiscono mai: aggiungi \"times\".");
        }

        Trigger(P(path, "escalate"), reminder.Escalate, state, rules);
    }

    private static void Invoke(InvokeActivity invoke, string path, ReferenceRules rules)
    {
        foreach (var (name, expression) in invoke.Inputs)
        {
            rules.Expression(P(P(path, "inputs"), name), expression);
        }

        if (!rules.Operations.TryGetValue(invoke.Operation, out var operation))
        {
            rules.Add(P(path, "operation"), "unknown-operation",
                $"No operation \"{invoke.Operation}\" is registered; use one of: {OperationNames(rules)}.",
                $"Nessuna operazione \"{invoke.Operation}\" è registrata: usa una di queste: {OperationNames(rules)}.");
            return;
        }

        var declared = operation.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in invoke.Inputs.Keys.Where(n => !declared.Contains(n)))
        {
            rules.Add(P(P(path, "inputs"), name), "unknown-operation-input",
                $"\"{invoke.Operation}\" has no input \"{name}\"; its inputs are: {string.Join(", ", declared)}.",
                $"\"{invoke.Operation}\" non ha l'input \"{name}\"; i suoi input sono: {string.Join(", ", declared)}.");
        }

        foreach (var input in operation.Inputs)
        {
            if (invoke.Inputs.TryGetValue(input.Name, out var expression) && OperationInputLiterals.Mismatch(expression, input) is var (found, foundItalian))
            {
                var (expected, expectedItalian) = OperationInputLiterals.Expected(input.Type);
                rules.Add(P(P(path, "inputs"), input.Name), "ill-typed-operation-input",
                    $"\"{invoke.Operation}\" expects {expected} as \"{input.Name}\" ({input.Description}), but {found}; write an expression giving {expected}.",
                    $"\"{invoke.Operation}\" si aspetta {expectedItalian} come \"{input.Name}\" ({input.Description}), ma {foundItalian}: scrivi un'espressione che dia {expectedItalian}.");
            }
        }

        foreach (var input in operation.Inputs.Where(i => i.Required && !invoke.Inputs.ContainsKey(i.Name)))
        {
            rules.Add(P(path, "inputs"), "missing-operation-input",
                $"\"{invoke.Operation}\" requires the input \"{input.Name}\" ({input.Type}: {input.Description}); add it under \"inputs\".",
                $"\"{invoke.Operation}\" richiede l'input \"{input.Name}\" ({input.Type}: {input.Description}): aggiungilo in \"inputs\".");
        }
    }

    private static void Trigger(string path, string trigger, StateDefinition state, ReferenceRules rules)
    {
        if (!state.On.ContainsKey(trigger))
        {
            rules.Add(path, "trigger-without-transition",
                $"This state has no transition for \"{trigger}\", so firing it would do nothing; add \"on\": {{\"{trigger}\": {{\"to\": \"…\"}}}} or correct the name.",
                $"Questo stato non ha transizioni per \"{trigger}\", quindi farlo scattare non farebbe nulla: aggiungi \"on\": {{\"{trigger}\": {{\"to\": \"…\"}}}} o correggi il nome.");
        }
    }

    private static string OperationNames(ReferenceRules rules) => string.Join(", ", rules.Operations.Keys.Order(StringComparer.Ordinal));

    private static string P(string parent, string name) => DefinitionPath.Property(parent, name);
}
