using EmployerWorkflows.Web.Features.Designer;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>
/// The operators' view of what runs: instances by definition, version, state, company, faulted or overdue; one
/// instance with everything attached to it; and the repairs: retry an incident, cancel, check and run a migration
/// to another version. The monitor pages use the same queries and commands.
/// </summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instance monitor").RequireAuthorization(p => p.RequireRole(Roles.Operator));

        group.MapGet("/", async ([AsParameters] InstanceFilter filter, InstanceSearch search, CancellationToken ct) =>
            {
                var page = await search.PageAsync(filter, ct);
                return Results.Ok(new { items = page.Rows.Select(InstanceView.From).ToList(), next = page.Next });
            })
            .WithSummary("Instances, filtered")
            .WithDescription("Filter by definition, version, state, company (id, or `company` = name or codice fiscale), faulted, overdue; " +
                             "page with `after` = the `next` of the previous page (null on the last page).");

        group.MapGet("/{instanceId:guid}", async (Guid instanceId, HttpContext http, InstanceLookup lookup, CancellationToken ct) =>
                await lookup.LoadAsync(instanceId, http.User, ct) is { } o
                    ? Results.Ok(new
                    {
                        instance = InstanceView.From(new InstanceRow(o.Instance, o.CompanyName, o.Incidents.Count(i => i.ResolvedAt is null))),
                        variables = o.Variables,
                        diagram = MermaidDiagram.For(o.Workflow.Definition, o.Instance.State, Lang.Code),
                        journal = o.Journal,
                        tasks = o.OpenTasks,
                        timers = o.PendingTimers,
                        emails = o.Emails.Select(m => new { m.Id, m.To, m.Subject, Status = m.Status.ToString(), m.Attempts, m.SentAt, m.LastError, m.CreatedAt }),
                        incidents = o.Incidents,
                    })
                    : Results.NotFound())
            .WithSummary("One instance: diagram, journal, open tasks, pending timers, emails, incidents")
            .WithDescription("Variables are indented JSON; fields with a secret name are masked.");

        group.MapPost("/{instanceId:guid}/cancel", (Guid instanceId, [FromBody] CancelInstance request, HttpContext http,
                OperatorCommands commands, CancellationToken ct) => commands.CancelAsync(instanceId, request.Reason, http.User, ct))
            .WithSummary("Cancel an instance with its tasks and timers (journaled)")
            .WithDescription($"The reason is required (at most {OperatorCommands.ReasonMaxLength} characters).");

        group.MapPost("/{instanceId:guid}/migrate/check", (Guid instanceId, [FromBody] MigrateRequest request, HttpContext http,
                OperatorCommands commands, CancellationToken ct) => commands.CheckMigrationAsync(instanceId, request, http.User, ct))
            .WithSummary("Check a migration without running it")
            .WithDescription("Answers `valid` and the `problems` the migration would be refused for (unpublished version, unmapped " +
                             "current state, mapped state missing in the target); nothing changes.");

        group.MapPost("/{instanceId:guid}/migrate", (Guid instanceId, [FromBody] MigrateRequest request, HttpContext http,
                OperatorCommands commands, CancellationToken ct) => commands.MigrateAsync(instanceId, request, http.User, ct))
            .WithSummary("Move an instance to another published version")
            .WithDescription("The state mapping is validated before anything changes (400 with `problems` otherwise); the move is journaled.");

        app.MapPost("/api/incidents/{incidentId:guid}/retry", (Guid incidentId, HttpContext http, OperatorCommands commands, CancellationToken ct) =>
                commands.RetryAsync(incidentId, http.User, ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Operator)).WithTags("Instance monitor")
            .WithSummary("Retry the failed step of an incident");
        return app;
    }
}

public sealed record InstanceView(Guid Id, string DefinitionId, int DefinitionVersion, string State, string Status, Guid? CompanyId,
    string? CompanyName, string? CorrelationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, int OpenIncidents)
{
    public static InstanceView From(InstanceRow row)
    {
        var i = row.Instance;
        return new(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Status.ToString(), i.CompanyId, row.CompanyName, i.CorrelationId,
            i.CreatedAt, i.UpdatedAt, i.Version, row.OpenIncidents);
    }
}
