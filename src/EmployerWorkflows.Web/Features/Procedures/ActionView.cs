using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>An action the caller may take now, as APIs show it: the trigger to send and its title in the caller's language.</summary>
/// <param name="Trigger">What to send as the action, e.g. <c>requestIntegration</c>.</param>
/// <param name="Title">What the action is called, e.g. «Chiedi integrazione» or "Request more information".</param>
/// <param name="To">State the action leads to.</param>
/// <param name="Requires">Payload fields that must be present and non-empty.</param>
public sealed record ActionView(string Trigger, string Title, string To, IReadOnlyList<string> Requires)
{
    public static ActionView From(PermittedAction action) => new(action.Trigger, action.Title.For(Lang.Code), action.To, action.Requires);
}
