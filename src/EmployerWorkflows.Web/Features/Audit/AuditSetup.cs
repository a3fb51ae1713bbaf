using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.Audit;

/// <summary>The audit trail per person; the per-company trail is with the companies' endpoints.</summary>
public static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JournalReader>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        var journal = app.MapGroup("/api").WithTags("Audit").RequireAuthorization();
        journal.MapGet("/me/journal", MineAsync)
            .WithSummary("What I did")
            .WithDescription("The caller's own audit trail, newest first. Actions taken for a company the caller does not act for " +
                             "show what was done, without that company's id or data.");
        journal.MapGet("/users/{userId}/journal", OfUserAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.AgencyReviewer, Roles.HelpDesk, Roles.Operator))
            .WithSummary("What a person did").WithDescription("Agency staff check afterwards what an operator did (rule 44).");
        return app;
    }

    public sealed record JournalRequest(long? Before, HttpContext Http, JournalReader Reader, CancellationToken Ct);

    public static async Task<Ok<JournalPage>> MineAsync([AsParameters] JournalRequest r) =>
        TypedResults.Ok(await r.Reader.ForUserAsync(r.Http.User, r.Http.User.UserId()!, r.Before, r.Ct));

    public static async Task<Ok<JournalPage>> OfUserAsync(string userId, [AsParameters] JournalRequest r) =>
        TypedResults.Ok(await r.Reader.ForUserAsync(r.Http.User, userId, r.Before, r.Ct));
}
