using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Decides, for one command, which alternative of each trigger is open to the actor. Alternatives are tried in
/// the order of the definition: one is selected when its roles admit the actor, its guard passes, and no earlier
/// alternative is selectable. That makes Stateless's guards mutually exclusive, as it requires. Each guard is
/// evaluated at most once per command.
/// </summary>
internal sealed class TransitionSelector(
    CompiledState state,
    WorkflowActor actor,
    Func<ExpressionScope> scope,
    ValueExpressions expressions,
    bool checkRoles,
    bool guardErrorsAreFalse = false)
{
    private readonly bool?[] _open = new bool?[state.TransitionCount];

    /// <summary>Guard errors met while listing actions (when <c>guardErrorsAreFalse</c>).</summary>
    public List<string> GuardErrors { get; } = [];

    public bool IsSelected(CompiledTransition transition)
    {
        if (!IsOpen(transition))
            return false;
        var alternatives = state.Transitions[transition.Trigger];
        for (var i = 0; i < transition.Alternative; i++)
        {
            if (IsOpen(alternatives[i]))
                return false;
        }
        return true;
    }

    public CompiledTransition? Selected(string trigger) =>
        state.Transitions.TryGetValue(trigger, out var alternatives) ? alternatives.FirstOrDefault(IsOpen) : null;

    public bool AdmitsActor(CompiledTransition transition) =>
        !checkRoles || actor.IsSystem || transition.Roles.Count == 0 || transition.Roles.Overlaps(actor.Roles);

    private bool IsOpen(CompiledTransition transition) =>
        _open[transition.Index] ??= AdmitsActor(transition) && GuardPasses(transition);

    private bool GuardPasses(CompiledTransition transition)
    {
        if (string.IsNullOrWhiteSpace(transition.When))
            return true;
        try
        {
            return expressions.EvaluateGuard(transition.When, scope());
        }
        catch (ExpressionException e) when (guardErrorsAreFalse)
        {
            GuardErrors.Add($"{transition.Path(state.Name)}: {e.Message}");
            return false;
        }
        catch (ExpressionException e)
        {
            // A broken guard is an incident, never a silent "not permitted".
            throw new ActivityFailure(transition.Path(state.Name), "guard", $"Guard '{transition.When}' failed: {e.Message}", e);
        }
    }
}
