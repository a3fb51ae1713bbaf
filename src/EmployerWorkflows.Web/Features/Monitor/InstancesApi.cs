using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Designer;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>
/// The operators' view of what runs: instances by definition, version, state, company, faulted or overdue; one
/// instance with everything attached to it; and the repairs: retry an incident, cancel, migrate to another version.
/// </summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instance monitor").RequireAuthorization(p => p.RequireRole(Roles.Operator));

        group.MapGet("/", async ([AsParameters] InstanceFilter filter, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var query = db.Set<WorkflowInstance>().AsNoTracking();
                if (filter.DefinitionId is { } d) query = query.Where(i => i.DefinitionId == d);
                if (filter.Version is { } v) query = query.Where(i => i.DefinitionVersion == v);
                if (filter.State is { } s) query = query.Where(i => i.State == s);
                if (filter.CompanyId is { } c) query = query.Where(i => i.CompanyId == c);
                if (filter.Faulted == true) query = query.Where(i => i.Status == InstanceStatus.Faulted);
                if (filter.Overdue == true)
                {
                    var now = clock.GetUtcNow();
                    var late = db.Set<WorkflowTask>().Where(t => t.Status == WorkflowTaskStatus.Open && t.DueAt < now).Select(t => t.InstanceId);
                    query = query.Where(i => late.Contains(i.Id));
                }
                if (filter.After is { } after) query = query.Where(i => i.Id.CompareTo(after) > 0);
                var page = await query.OrderBy(i => i.Id).Take(Math.Clamp(filter.PageSize ?? 50, 1, 200)).ToListAsync(ct);
                return Results.Ok(new { items = page.Select(InstanceView.From).ToList(), next = page.Count > 0 ? page[^1].Id : (Guid?)null });
            })
            .WithSummary("Instances, filtered").WithDescription("Filter by definition, version, state, company, faulted, overdue; page with `after` = the last id seen.");

        group.MapGet("/{instanceId:guid}", async (Guid instanceId, AppDbContext db, DefinitionStore store, JournalQueries journal, CancellationToken ct) =>
            {
                var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
                if (instance is null) return Results.NotFound();
                var workflow = await store.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
                return Results.Ok(new
                {
                    instance = InstanceView.From(instance),
                    variables = instance.Variables,
                    diagram = MermaidDiagram.For(workflow.Definition, instance.State, Lang.Code),
                    journal = (await journal.ForInstanceAsync(instanceId, null, 100, ct)).Entries,
                    tasks = await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).ToListAsync(ct),
                    timers = await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).ToListAsync(ct),
                    emails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.InstanceId == instanceId)
                        .Select(m => new { m.Id, m.To, m.Subject, Status = m.Status.ToString(), m.Attempts, m.SentAt, m.LastError, m.CreatedAt }).ToListAsync(ct),
                    incidents = await db.Set<Incident>().AsNoTracking().Where(i => i.InstanceId == instanceId).ToListAsync(ct),
                });
            })
            .WithSummary("One instance: diagram, journal, open tasks, pending timers, emails, incidents");

        group.MapPost("/{instanceId:guid}/cancel", async (Guid instanceId, [FromBody] CancelInstance request, HttpContext http,
                IWorkflowEngine engine, CancellationToken ct) =>
            {
                var errors = new FieldErrors().Required("reason", request.Reason, "Motivo", "Reason");
                if (errors.Any) return errors.ToResult();
                return await WorkflowProblems.RunAsync(async () =>
                    Results.Ok(await engine.CancelAsync(instanceId, WorkflowActors.From(http.User), request.Reason!.Trim(), ct)));
            })
            .WithSummary("Cancel an instance with its tasks and timers (journaled)");

        group.MapPost("/{instanceId:guid}/migrate", async (Guid instanceId, [FromBody] MigrateRequest request, HttpContext http,
                IWorkflowEngine engine, CancellationToken ct) =>
            {
                try
                {
                    return await WorkflowProblems.RunAsync(async () => Results.Ok(await engine.MigrateAsync(
                        new MigrateInstance(instanceId, request.TargetVersion, request.StateMapping ?? new Dictionary<string, string>(), WorkflowActors.From(http.User)), ct)));
                }
                catch (MigrationInvalidException e)
                {
                    return Results.Problem(statusCode: 400, title: Lang.T("La migrazione non è valida.", "The migration is not valid."),
                        extensions: new Dictionary<string, object?> { ["problems"] = e.Problems });
                }
            })
            .WithSummary("Move an instance to another published version").WithDescription("The state mapping is validated before anything changes; the move is journaled.");

        app.MapPost("/api/incidents/{incidentId:guid}/retry", async (Guid incidentId, HttpContext http, IWorkflowEngine engine, CancellationToken ct) =>
                await WorkflowProblems.RunAsync(async () => Results.Ok(await engine.RetryAsync(incidentId, WorkflowActors.From(http.User), ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Operator)).WithTags("Instance monitor")
            .WithSummary("Retry the failed step of an incident");
        return app;
    }
}

public sealed record InstanceFilter(string? DefinitionId, int? Version, string? State, Guid? CompanyId, bool? Faulted, bool? Overdue, Guid? After, int? PageSize);

public sealed record CancelInstance(string? Reason);

public sealed record MigrateRequest(int TargetVersion, Dictionary<string, string>? StateMapping);

public sealed record InstanceView(Guid Id, string DefinitionId, int DefinitionVersion, string State, string Status, Guid? CompanyId,
    string? CorrelationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static InstanceView From(WorkflowInstance i) => new(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Status.ToString(),
        i.CompanyId, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.Version);
}
