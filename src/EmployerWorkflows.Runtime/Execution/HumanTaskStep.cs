using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Opens the inbox row of a <c>humanTask</c> activity.</summary>
public sealed class HumanTaskStep(ValueExpressions expressions)
{
    internal void Open(TransitionContext context, CompiledState state, HumanTaskActivity activity)
    {
        var title = activity.Title ?? state.Title;
        var task = new WorkflowTask
        {
            Id = Guid.CreateVersion7(context.Now),
            InstanceId = context.Instance.Id,
            DefinitionId = context.Instance.DefinitionId,
            CompanyId = context.Instance.CompanyId,
            State = state.Name,
            ActivityId = activity.Id,
            Form = activity.Form,
            Actions = string.Join(',', activity.Actions),
            Role = activity.Role,
            AssigneeUserId = activity.Assignee is null ? null : ResolveAssignee(activity.Assignee, context),
            Priority = activity.Priority,
            DueAt = activity.Due is null ? null : IsoDuration.Parse(activity.Due).AddTo(context.Now),
            CreatedAt = context.Now,
            TitleIt = title.It,
            TitleEn = title.En,
        };
        context.Db.Add(task);
    }

    private string ResolveAssignee(string expression, TransitionContext context)
    {
        var value = expressions.Evaluate(expression, context.Scope());
        var userId = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o when o["userId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String => id.GetValue<string>(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(userId)
            ? throw new InvalidOperationException(
                $"Assignee expression '{expression}' gave {value?.ToJsonString() ?? "null"}; expected a user id or an object with userId.")
            : userId;
    }
}
