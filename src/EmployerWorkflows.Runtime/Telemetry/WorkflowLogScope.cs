using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Runtime.Telemetry;

/// <summary>
/// Logging scopes around the runtime's units of work, so every line logged inside (by the runtime, EF Core or a
/// domain operation) carries the instance it concerns. Keys are stable: <c>InstanceId</c>, <c>CorrelationId</c>,
/// <c>TimerId</c>, <c>MessageId</c>.
/// </summary>
internal static class WorkflowLogScope
{
    public static IDisposable? Instance(ILogger logger, Guid instanceId, string? correlationId) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["InstanceId"] = instanceId,
            ["CorrelationId"] = correlationId,
        });

    public static IDisposable? Timer(ILogger logger, Guid timerId, Guid instanceId) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["TimerId"] = timerId,
            ["InstanceId"] = instanceId,
        });

    public static IDisposable? Delivery(ILogger logger, string messageId, Guid? instanceId) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["MessageId"] = messageId,
            ["InstanceId"] = instanceId,
        });
}
