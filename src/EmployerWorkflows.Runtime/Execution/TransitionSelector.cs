using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Decides, for one command, which alternative of each trigger is open to the actor. Alternatives are tried in
/// the order of the definition: the first whose roles admit the actor and whose guard passes is selected, and the
/// later ones are not evaluated. Each guard is evaluated at most once per command. This is the one place that
/// answers which triggers are permitted and where each leads: a state machine library added nothing to it.
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

    /// <summary>The alternative taken when <paramref name="trigger"/> fires now; null when none is open.</summary>
    public CompiledTransition? Selected(string trigger) =>
        state.Transitions.TryGetValue(trigger, out var alternatives) ? alternatives.FirstOrDefault(IsOpen) : null;

    /// <summary>Triggers of the state that can fire now, in the order of the definition.</summary>
    public List<string> PermittedTriggers() => state.Transitions.Keys.Where(trigger => Selected(trigger) is not null).ToList();

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
