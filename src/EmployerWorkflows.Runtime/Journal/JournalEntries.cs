using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Journal;

/// <summary>Builds journal rows for the runtime's own events.</summary>
internal static class JournalEntries
{
    public static JournalEntry For(TransitionContext context, JournalKind kind, string? trigger, string summary) =>
        For(context.Instance, context.Actor, context.Now, kind, trigger, null, context.Instance.State, summary);

    public static JournalEntry For(
        WorkflowInstance instance, WorkflowActor actor, DateTimeOffset at, JournalKind kind,
        string? trigger, string? from, string? to, string summary) => new()
    {
        At = at,
        Kind = kind,
        InstanceId = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersion = instance.DefinitionVersion,
        CompanyId = instance.CompanyId ?? actor.CompanyId,
        UserId = actor.UserId,
        CodiceFiscale = actor.CodiceFiscale,
        ActorName = actor.DisplayName,
        Trigger = trigger,
        FromState = from,
        ToState = to,
        Summary = summary.Length > 4000 ? summary[..3999] + "…" : summary,
    };
}
