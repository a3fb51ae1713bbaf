namespace EmployerWorkflows.Runtime.Hosting;

/// <summary>Settings of the runtime (section <c>WorkflowRuntime</c> of the host's configuration, if bound).</summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>Name of this node in timer claims; defaults to the machine name and process id.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a claimed timer stays reserved for this node; after that another node may take it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timers claimed per round trip of the sweep.</summary>
    public int SweepBatchSize { get; set; } = 200;

    /// <summary>Payload fields never stored nor journaled, besides pin, password, secret, token and otp.</summary>
    public List<string> SecretFields { get; set; } = [];

    /// <summary>How often each node reads templates and forms saved by designers on other nodes.</summary>
    public TimeSpan AssetRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
