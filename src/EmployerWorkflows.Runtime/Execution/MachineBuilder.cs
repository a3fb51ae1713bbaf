using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Stateless;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Builds the Stateless machine of an instance's current state, with the instance row as external state storage.
/// Only the current state is configured: that is all one command needs, and it keeps the per-command cost to a
/// few allocations. Entry activities are run by the engine after Stateless has moved the state.
/// </summary>
internal static class MachineBuilder
{
    public static StateMachine<string, string> Build(WorkflowInstance instance, CompiledState state, TransitionSelector selector)
    {
        var machine = new StateMachine<string, string>(() => instance.State, s => instance.State = s);
        var configuration = machine.Configure(state.Name);
        foreach (var alternatives in state.Transitions.Values)
        {
            foreach (var transition in alternatives)
            {
                var guard = () => selector.IsSelected(transition);
                var description = transition.When ?? "always";
                if (transition.To == state.Name)
                    configuration.PermitReentryIf(transition.Trigger, guard, description);
                else
                    configuration.PermitIf(transition.Trigger, transition.To, guard, description);
            }
        }
        return machine;
    }

    /// <summary>Triggers of the state that Stateless says can fire now.</summary>
    public static List<string> PermittedTriggers(StateMachine<string, string> machine, CompiledState state) =>
        state.Transitions.Keys.Where(machine.CanFire).ToList();
}
