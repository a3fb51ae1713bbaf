namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// One running (or finished) procedure. It is pinned to the definition version it started on; its current
/// state is a state name of that version. <see cref="Version"/> is the optimistic concurrency token:
/// every transition increments it, so two actors acting on the same instance cannot both win.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string State { get; set; } = "";
    public InstanceStatus Status { get; set; } = InstanceStatus.Running;
    /// <summary>Instance variables as a JSON object; secret payload fields are never stored here.</summary>
    public string Variables { get; set; } = "{}";
    /// <summary>Key of the business object the procedure is about (e.g. a registration request id).</summary>
    public string? CorrelationId { get; set; }
    public Guid? CompanyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>Lifecycle of an instance.</summary>
public enum InstanceStatus { Running = 0, Completed = 1, Faulted = 2, Cancelled = 3 }
