using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Collaborators.Operations;

namespace EmployerWorkflows.Web.Features.Collaborators;

public static class CollaboratorsSetup
{
    public static WebApplicationBuilder AddCollaborators(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnableMember>();
        builder.Services.AddScoped<MemberProcedures>();
        builder.Services.AddScoped<MemberActions>();
        builder.Services.AddSingleton<IWorkflowOperation, SuspendMember>();
        builder.Services.AddSingleton<IWorkflowOperation, ReinstateMember>();
        builder.Services.AddSingleton<IWorkflowOperation, EnableAdministrator>();
        builder.Services.AddSingleton<IWorkflowOperation, DisableAdministrator>();
        builder.Services.AddSingleton<IWorkflowOperation, CheckOldAdministrator>();
        return builder;
    }

    public static WebApplication MapCollaborators(this WebApplication app)
    {
        app.MapMembersApi();
        app.MapAdminReplacement();
        return app;
    }
}
