using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>The SECO procedures: Job-Room accounts linked to a UID, power of attorney, KAE-FFE write-rights renewal.</summary>
public static class JobRoomSetup
{
    public const string SecoDeskPolicy = "JobRoom.SecoDesk";

    public static WebApplicationBuilder AddJobRoom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobRoomOptions>().Bind(builder.Configuration.GetSection(JobRoomOptions.Section))
            .Validate(o => o.PowerOfAttorneyExpiryDays > o.PowerOfAttorneyReminderDays,
                "JobRoom:PowerOfAttorneyExpiryDays must be longer than JobRoom:PowerOfAttorneyReminderDays.")
            .Validate(o => o.UnemploymentFunds.All(f => f.Id.Length > 0 && JobRoomVariables.IsEmail(f.Email)),
                "Every JobRoom:UnemploymentFunds entry needs an Id and a valid Email.")
            .ValidateOnStart();
        services.AddScoped<DatabaseUidRegister>();
        services.AddScoped<IUidRegister>(sp => sp.GetRequiredService<DatabaseUidRegister>());
        services.AddScoped<JobRoomAccess>();
        services.AddScoped<AccountRequests>();
        services.AddScoped<JobRoomAccountStart>();
        services.AddScoped<Catalogue.ProcedureCatalogue>();
        services.AddScoped<WriteRightsProcedures>();
        services.AddScoped<SupportRequests>();
        services.AddScoped<WriteRightsAccess>();
        services.AddScoped<JobRoomSteps>();
        services.AddScoped<InactivityCheckJob>();
        services.AddSingleton<IWorkflowOperation, ActivateAccountOperation>();
        services.AddSingleton<IWorkflowOperation, CloseAccountRequestOperation>();
        services.AddSingleton<IWorkflowOperation, RequireActiveAccountOperation>();
        services.AddSingleton<IWorkflowOperation, RequestAccountOperation>();
        services.AddSingleton<IWorkflowOperation, CheckEServiceLoginOperation>();
        services.AddSingleton<IWorkflowOperation, CheckEmailChangeOperation>();
        services.AddSingleton<IWorkflowOperation, CloseCorrectionDeadlineOperation>();
        services.AddSingleton<IWorkflowOperation, BeginRenewalOperation>();
        services.AddSingleton<IWorkflowOperation, ChooseFundOperation>();
        services.AddSingleton<IWorkflowOperation, MoveCorrectionDeadlineOperation>();
        services.AddSingleton<IWorkflowOperation, ProcuraWindowOperation>();
        services.AddAuthorizationBuilder().AddPolicy(SecoDeskPolicy, p => p.RequireRole(Roles.SecoDesk));
        return builder;
    }

    public static WebApplication MapJobRoom(this WebApplication app)
    {
        var api = app.MapGroup("/api/jobroom").RequireAuthorization().WithTags("SECO Job-Room");
        api.MapRegisterEndpoints();
        api.MapAccountEndpoints();
        api.MapPowerOfAttorneyEndpoints();
        api.MapWriteRightsEndpoints();
        api.MapDeadlineEndpoints();
        api.MapSupportEndpoints();
        api.MapProcedureEndpoints();
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<InactivityCheckJob>(InactivityCheckJob.RecurringId,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(6));
        return app;
    }

    /// <summary>
    /// The multipart body of an upload endpoint. The handler reads the form itself, checking each file by content, so
    /// the document cannot learn the body from a parameter's type.
    /// </summary>
    internal static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<IFormFile>("multipart/form-data");

    /// <summary>
    /// A SECO desk step: anyone else gets 404, as from the task API, so a step's existence is not revealed to people
    /// who cannot work it.
    /// </summary>
    internal static RouteHandlerBuilder SecoDeskStep(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.IsInRole(Roles.SecoDesk) ? await next(context) : NotFound());

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: Localization.Lang.T("Non trovato.", "Not found."));
}
