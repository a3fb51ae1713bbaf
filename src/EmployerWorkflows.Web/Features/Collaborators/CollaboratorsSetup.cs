using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Collaborators.Operations;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Features.Collaborators;

public static class CollaboratorsSetup
{
    public static WebApplicationBuilder AddCollaborators(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnableMember>();
        builder.Services.AddScoped<MemberProcedures>();
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
        var journal = app.MapGroup("/api").WithTags("Audit").RequireAuthorization();
        journal.MapGet("/me/journal", (long? before, HttpContext http, JournalQueries queries, CancellationToken ct) =>
                queries.ForUserAsync(CompanyAccess.UserId(http.User)!, before, 50, ct))
            .WithSummary("What I did").WithDescription("The caller's own audit trail, newest first.");
        journal.MapGet("/users/{userId}/journal", (string userId, long? before, JournalQueries queries, CancellationToken ct) =>
                queries.ForUserAsync(userId, before, 50, ct))
            .RequireAuthorization(p => p.RequireRole(Roles.AgencyReviewer, Roles.HelpDesk, Roles.Operator))
            .WithSummary("What a person did").WithDescription("Agency staff check afterwards what an operator did (rule 44).");
        return app;
    }
}
