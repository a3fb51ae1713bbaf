using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Versions;

/// <summary>
/// A published definition version, parsed once and cached for the life of the process (published versions never
/// change). It also holds what the engine derives from the definition, so no command re-parses or re-scans it.
/// </summary>
public sealed class PublishedWorkflow
{
    internal PublishedWorkflow(WorkflowDefinition definition, int version, string contentHash)
    {
        Definition = definition;
        Version = version;
        ContentHash = contentHash;
        States = definition.States.ToDictionary(s => s.Key, s => new CompiledState(s.Key, s.Value), StringComparer.Ordinal);
        ProtectedVariables = Execution.StepContract.ProtectedVariables(definition);
    }

    /// <summary>Variables the definition or its operations set, which no payload may write.</summary>
    public IReadOnlySet<string> ProtectedVariables { get; }

    public WorkflowDefinition Definition { get; }
    public string DefinitionId => Definition.Id;
    public int Version { get; }
    public string ContentHash { get; }

    internal IReadOnlyDictionary<string, CompiledState> States { get; }

    internal CompiledState State(string name) =>
        States.TryGetValue(name, out var state)
            ? state
            : throw new InvalidOperationException($"State '{name}' does not exist in {DefinitionId} v{Version}.");
}

/// <summary>A state with its transitions flattened and what entering/leaving it touches.</summary>
internal sealed class CompiledState
{
    public CompiledState(string name, StateDefinition definition)
    {
        Name = name;
        Definition = definition;
        Title = definition.Title ?? TriggerTitles.Humanise(name);
        var index = 0;
        Transitions = definition.On.ToDictionary(
            on => on.Key,
            on => on.Value.Select((t, alternative) => new CompiledTransition(
                index++, on.Key, alternative, t.To, t.When,
                new HashSet<string>(t.Roles, StringComparer.Ordinal), t.Requires, t)).ToArray(),
            StringComparer.Ordinal);
        TransitionCount = index;
        OpensTasks = definition.OnEntry.Any(a => a is HumanTaskActivity);
        SchedulesTimers = definition.OnEntry.Any(a => a is TimerActivity or ReminderActivity);
    }

    public string Name { get; }
    public StateDefinition Definition { get; }
    public LocalizedText Title { get; }
    public bool Final => Definition.Final;
    public IReadOnlyDictionary<string, CompiledTransition[]> Transitions { get; }
    public int TransitionCount { get; }

    /// <summary>Only states that open tasks can leave open tasks behind; others skip the close query.</summary>
    public bool OpensTasks { get; }

    /// <summary>Only states that schedule timers can leave pending timers behind.</summary>
    public bool SchedulesTimers { get; }
}

/// <summary>One alternative of a trigger; <see cref="Index"/> is unique within its state.</summary>
internal sealed record CompiledTransition(
    int Index,
    string Trigger,
    int Alternative,
    string To,
    string? When,
    HashSet<string> Roles,
    IReadOnlyList<string> Requires,
    TransitionDefinition Definition)
{
    public string Path(string state) => $"$.states.{state}.on.{Trigger}[{Alternative}]";
}
