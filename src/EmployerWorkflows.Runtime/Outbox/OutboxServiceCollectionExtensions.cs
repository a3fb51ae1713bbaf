using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the delivery side of the outbox: SMTP when <see cref="MailOptions.Host"/> is set, otherwise .eml
    /// files in <see cref="MailOptions.PickupDirectory"/>. The host binds the options and provides
    /// <c>IWorkflowDbContextFactory</c> and <c>TimeProvider</c>.
    /// </summary>
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        services.AddOptions<OutboxOptions>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.Host)
                ? new PickupDirectoryMailTransport(options)
                : new SmtpMailTransport(options);
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddTransient<OutboxDeliveryJob>();
        return services;
    }
}
