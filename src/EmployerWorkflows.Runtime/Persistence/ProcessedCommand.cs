namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// Remembers the result of a command carrying an idempotency key, written in the command's transaction, so a
/// retried request returns the first result instead of acting twice.
/// </summary>
internal sealed class ProcessedCommand
{
    public Guid Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string ResultJson { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
