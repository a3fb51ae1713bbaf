using EmployerWorkflows.Runtime.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>
    /// The outbox's transport: SMTP when <see cref="MailOptions.Host"/> is set, otherwise .eml files in
    /// <see cref="MailOptions.PickupDirectory"/>. The host binds <see cref="MailOptions"/>.
    /// </summary>
    public static IServiceCollection AddMailTransport(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.Host)
                ? new PickupDirectoryMailTransport(options)
                : new SmtpMailTransport(options);
        });
        return services;
    }
}
