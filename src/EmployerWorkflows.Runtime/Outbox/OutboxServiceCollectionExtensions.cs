using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the delivery side of the outbox. The host binds <see cref="OutboxOptions"/> and provides the
    /// <see cref="IMailTransport"/>, <c>IWorkflowDbContextFactory</c> and <c>TimeProvider</c>.
    /// </summary>
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
