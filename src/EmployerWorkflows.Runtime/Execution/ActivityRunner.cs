using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Runs the entry activities of a state, in order, inside the transition's unit of work. Any failure becomes an
/// <see cref="ActivityFailure"/> naming the activity, so the engine can roll back and record an incident.
/// </summary>
public sealed class ActivityRunner(
    ValueExpressions expressions,
    HumanTaskStep humanTasks,
    EmailComposer emails,
    TimerScheduling timers,
    InvokeStep invocations)
{
    internal async Task RunEntryAsync(TransitionContext context, CompiledState state, CancellationToken cancellationToken)
    {
        var activities = state.Definition.OnEntry;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            try
            {
                await RunAsync(context, state, activity, cancellationToken);
            }
            catch (Exception e) when (e is not ActivityFailure and not OperationCanceledException and not StepRefusedException)
            {
                var id = activity.Id ?? $"{state.Name}.onEntry[{i}]";
                throw new ActivityFailure(id, activity.Kind, e.Message, e);
            }
        }
    }

    /// <summary>
    /// Runs the checks and side effects of the chosen transition (its <c>run</c>), before the state is left. A refusal
    /// propagates as it is; any other failure becomes an incident like an entry activity's.
    /// </summary>
    internal async Task RunStepAsync(TransitionContext context, CompiledState state, CompiledTransition transition, CancellationToken cancellationToken)
    {
        var steps = transition.Definition.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var activity = steps[i];
            try
            {
                await RunAsync(context, state, activity, cancellationToken);
            }
            catch (Exception e) when (e is not ActivityFailure and not OperationCanceledException and not StepRefusedException)
            {
                var id = activity.Id ?? $"{transition.Path(state.Name)}.run[{i}]";
                throw new ActivityFailure(id, activity.Kind, e.Message, e);
            }
        }
    }

    private async Task RunAsync(TransitionContext context, CompiledState state, ActivityDefinition activity, CancellationToken cancellationToken)
    {
        switch (activity)
        {
            case HumanTaskActivity task:
                humanTasks.Open(context, state, task);
                break;
            case SendEmailActivity email:
                await emails.QueueAsync(context, email.Template, email.To, email.Attachments, cancellationToken);
                break;
            case TimerActivity timer:
                timers.Schedule(context, state, timer);
                break;
            case ReminderActivity reminder:
                timers.Schedule(context, state, reminder);
                break;
            case InvokeActivity invoke:
                await invocations.InvokeAsync(context, invoke, cancellationToken);
                break;
            case SetVariableActivity set:
                context.Variables[set.Name] = expressions.Evaluate(set.Value, context.Scope());
                break;
            default:
                throw new NotSupportedException($"Activity kind '{activity.Kind}' is not supported by this runtime.");
        }
    }
}
