using EmployerWorkflows.Runtime.Outbox;
using Hangfire;

namespace EmployerWorkflows.Infrastructure.Jobs;

/// <summary>The Hangfire job that delivers the outbox; scheduled every minute and enqueued after new mail.</summary>
public sealed class OutboxDeliveryJob(OutboxDispatcher dispatcher)
{
    public const string RecurringId = "outbox-delivery";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
