using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Writes timer and reminder rows in the transition's unit of work; the rows are the only truth.</summary>
public sealed class TimerScheduling(ValueExpressions expressions)
{
    internal void Schedule(TransitionContext context, CompiledState state, TimerActivity activity)
    {
        var due = activity.After is not null
            ? IsoDuration.Parse(activity.After).AddTo(context.Now)
            : ResolveAt(activity.At ?? throw new InvalidOperationException("A timer needs 'after' or 'at'."), context);
        Add(context, new WorkflowTimer
        {
            State = state.Name,
            ActivityId = activity.Id,
            Kind = TimerKind.Timer,
            Trigger = activity.Fire,
            DueAt = due,
        });
    }

    internal void Schedule(TransitionContext context, CompiledState state, ReminderActivity activity)
    {
        var first = IsoDuration.Parse(activity.First ?? activity.Every);
        Add(context, new WorkflowTimer
        {
            State = state.Name,
            ActivityId = activity.Id,
            Kind = TimerKind.Reminder,
            Template = activity.Template,
            To = activity.To,
            Every = activity.Every,
            MaxCount = activity.Times,
            Escalate = activity.Escalate,
            DueAt = first.AddTo(context.Now),
        });
    }

    private static void Add(TransitionContext context, WorkflowTimer timer)
    {
        timer.Id = Guid.CreateVersion7(context.Now);
        timer.InstanceId = context.Instance.Id;
        timer.CreatedAt = context.Now;
        timer.Status = TimerStatus.Pending;
        context.Db.Add(timer);
        context.ScheduledDueTimes.Add(timer.DueAt);
    }

    private DateTimeOffset ResolveAt(string expression, TransitionContext context)
    {
        var value = expressions.Evaluate(expression, context.Scope());
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
            DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.ToUniversalTime();
        throw new InvalidOperationException(
            $"Timer 'at' expression '{expression}' gave {value?.ToJsonString() ?? "null"}; expected an ISO-8601 date/time string.");
    }
}
