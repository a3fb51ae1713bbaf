using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Intermediaries.Operations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmployerWorkflows.Web.Features.Intermediaries;

public static class IntermediariesSetup
{
    public static WebApplicationBuilder AddIntermediaries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IntermediaryRegistration>();
        builder.Services.AddScoped<DelegationInvitations>();
        builder.Services.AddScoped<ActingFor>();
        // Every step a person takes on a company's procedure asks this, whichever way it comes.
        builder.Services.Replace(ServiceDescriptor.Scoped<IActorAdmission, DelegationAdmission>());
        builder.Services.AddSingleton<IWorkflowOperation, AnswerDelegation>();
        return builder;
    }

    public static WebApplication MapIntermediaries(this WebApplication app)
    {
        app.MapIntermediariesApi();
        return app;
    }
}
