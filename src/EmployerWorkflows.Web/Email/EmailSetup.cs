using EmployerWorkflows.Infrastructure.Mail;
using EmployerWorkflows.Runtime.Outbox;

namespace EmployerWorkflows.Web.Email;

public static class EmailSetup
{
    /// <summary>Outbox delivery over SMTP, or .eml files under App_Data/mail when no SMTP host is configured.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder, string home)
    {
        builder.Services.AddEmailOutbox();
        builder.Services.AddMailTransport();
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Smtp"));
        builder.Services.PostConfigure<MailOptions>(o =>
            o.PickupDirectory = Hosting.AppPaths.Resolve(home, o.PickupDirectory, Path.Combine("App_Data", "mail")));
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Runtime.Execution.IEmailLinks, PortalLinks>();
        return builder;
    }
}
