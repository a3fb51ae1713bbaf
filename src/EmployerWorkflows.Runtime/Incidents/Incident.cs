namespace EmployerWorkflows.Runtime.Incidents;

/// <summary>
/// A failed activity that faulted an instance. It keeps what is needed to run the failed transition again:
/// the trigger (null when the start itself failed) and the payload without secret fields.
/// </summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string? ActivityId { get; set; }
    public string ActivityKind { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>State the instance was in when the failed transition started.</summary>
    public string FromState { get; set; } = "";
    /// <summary>Trigger of the failed transition; null when the start failed.</summary>
    public string? Trigger { get; set; }
    /// <summary>Payload of the failed transition as JSON, secrets removed.</summary>
    public string? PayloadJson { get; set; }
    public string? ActorUserId { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary><c>retried</c> or <c>cancelled</c>, with who did it.</summary>
    public string? Resolution { get; set; }
}
