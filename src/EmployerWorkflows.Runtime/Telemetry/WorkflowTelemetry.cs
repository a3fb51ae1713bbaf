using System.Diagnostics;
using System.Diagnostics.Metrics;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Telemetry;

/// <summary>
/// The runtime's traces and counters, on <c>System.Diagnostics</c> only: the runtime exports nothing itself, the host
/// listens to <see cref="Name"/> (OpenTelemetry, dotnet-counters, a test's listener). Counters and histograms are
/// process-wide, like the work they count; gauges that read the database are in <see cref="WorkflowGauges"/>.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>Name of the runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "EmployerWorkflows.Runtime";

    /// <summary>Spans around a start, a transition, a timer fired and an email delivered.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> InstancesStarted = Meter.CreateCounter<long>(
        "workflow.instances.started", "{instance}", "Procedure instances started, by definition and version.");

    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
        "workflow.transitions", "{transition}", "Transitions committed, by definition, version and trigger.");

    private static readonly Counter<long> IncidentsRecorded = Meter.CreateCounter<long>(
        "workflow.incidents.recorded", "{incident}", "Incidents recorded (a failed activity faulted an instance), by definition and activity kind.");

    private static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>(
        "workflow.timer.lag", "s", "Time from a timer's due moment to the sweep firing it, by kind (timer or reminder).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900, 3600] });

    private static readonly Counter<long> EmailsDelivered = Meter.CreateCounter<long>(
        "workflow.outbox.delivered", "{message}", "Emails handed to the mail server.");

    private static readonly Counter<long> DeliveryFailures = Meter.CreateCounter<long>(
        "workflow.outbox.delivery.failures", "{attempt}", "Failed delivery attempts; final=true when the message was given up.");

    internal static void Started(WorkflowInstance instance) =>
        InstancesStarted.Add(1, Definition(instance.DefinitionId, instance.DefinitionVersion));

    internal static void Transitioned(WorkflowInstance instance, string trigger) =>
        Transitions.Add(1, new TagList
        {
            { "workflow.definition", instance.DefinitionId },
            { "workflow.version", instance.DefinitionVersion },
            { "workflow.trigger", trigger },
        });

    internal static void IncidentRecorded(WorkflowInstance instance, string activityKind) =>
        IncidentsRecorded.Add(1, new TagList
        {
            { "workflow.definition", instance.DefinitionId },
            { "workflow.version", instance.DefinitionVersion },
            { "workflow.activity.kind", activityKind },
        });

    internal static void TimerProcessed(WorkflowTimer timer, DateTimeOffset now) =>
        TimerLag.Record(Math.Max(0, (now - timer.DueAt).TotalSeconds),
            new KeyValuePair<string, object?>("workflow.timer.kind", timer.Kind == TimerKind.Reminder ? "reminder" : "timer"));

    internal static void EmailDelivered() => EmailsDelivered.Add(1);

    internal static void DeliveryFailed(bool final) =>
        DeliveryFailures.Add(1, new KeyValuePair<string, object?>("final", final ? "true" : "false"));

    /// <summary>A span for one unit of the runtime's work, tagged with the instance it concerns.</summary>
    internal static Activity? Start(string name, Guid? instanceId, string? definitionId = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is null)
            return null;
        if (instanceId is { } id)
            activity.SetTag("workflow.instance.id", id.ToString());
        if (definitionId is not null)
            activity.SetTag("workflow.definition", definitionId);
        return activity;
    }

    /// <summary>Marks a span failed with the exception's type, never its message: messages may carry personal data.</summary>
    internal static void Failed(Activity? activity, Exception exception) =>
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);

    private static TagList Definition(string definitionId, int version) => new()
    {
        { "workflow.definition", definitionId },
        { "workflow.version", version },
    };
}
