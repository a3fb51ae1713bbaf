using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using EmployerWorkflows.Web.Features.Intermittent.Sms;

namespace EmployerWorkflows.Web.Features.Intermittent;

/// <summary>«Gestione Intermittenti» (seed 003, rules 21–28): registration to the service, call communications, cancellations, SMS channel.</summary>
public static class IntermittentSetup
{
    public const string HelpDeskPolicy = "Intermittent.HelpDesk";

    public static WebApplicationBuilder AddIntermittent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IntermittentOptions>().Bind(builder.Configuration.GetSection(IntermittentOptions.Section))
            .Validate(o => o.CancellationHours >= 0, "Intermittent:CancellationHours cannot be negative.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Intermittent:TimeZone is not a known time zone.")
            .ValidateOnStart();
        ReceiptFonts.Install(builder.Configuration["Intermittent:FontDirectory"] ?? ReceiptFonts.DefaultDirectory);
        services.AddScoped<ItalianCalendar>();
        services.AddScoped<ServiceRegistrations>();
        services.AddScoped<IContractArchive, DatabaseContractArchive>();
        services.AddScoped<CallCommunications>();
        services.AddScoped<CallSending>();
        services.AddScoped<CallCancellations>();
        services.AddScoped<SmsNumbers>();
        services.AddScoped<SmsInbox>();
        services.AddSingleton<IWorkflowOperation, ApproveRegistration>();
        services.AddSingleton<IWorkflowOperation, RejectRegistration>();
        services.AddAuthorizationBuilder().AddPolicy(HelpDeskPolicy, p => p.RequireRole(Roles.HelpDesk));
        return builder;
    }

    public static WebApplication MapIntermittent(this WebApplication app)
    {
        var api = app.MapGroup("/api/intermittent").RequireAuthorization().WithTags("Gestione Intermittenti");
        api.MapRegistrationEndpoints();
        api.MapCommunicationEndpoints();
        app.MapSmsEndpoints();
        return app;
    }
}
