using System.Security.Claims;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Features.Designer;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
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

        group.MapGet("/", ListAsync)
            .WithSummary("Instances, filtered")
            .WithDescription("Filter by definition, version, state, company (id, or `company` = name or codice fiscale), faulted, overdue; " +
                             "page with `after` = the `next` of the previous page (null on the last page).");
        group.MapGet("/{instanceId:guid}", GetAsync)
            .WithSummary("One instance: diagram, journal, open tasks, pending timers, emails, incidents")
            .WithDescription("Variables are indented JSON; fields with a secret name are masked.");
        group.MapPost("/{instanceId:guid}/cancel", CancelAsync)
            .WithSummary("Cancel an instance with its tasks and timers (journaled)")
            .WithDescription($"The reason is required (at most {OperatorCommands.ReasonMaxLength} characters).")
            .AnswersWorkflowRefusals();
        group.MapPost("/{instanceId:guid}/migrate/check", CheckMigrationAsync)
            .WithSummary("Check a migration without running it")
            .WithDescription("Answers `valid` and the `problems` the migration would be refused for (unpublished version, unmapped " +
                             "current state, mapped state missing in the target); nothing changes.")
            .AnswersWorkflowRefusals();
        group.MapPost("/{instanceId:guid}/migrate", MigrateAsync)
            .WithSummary("Move an instance to another published version")
            .WithDescription("The state mapping is validated before anything changes (400 with `problems` otherwise); the move is journaled.")
            .AnswersWorkflowRefusals();
        app.MapPost("/api/incidents/{incidentId:guid}/retry", RetryAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Operator)).WithTags("Instance monitor")
            .WithSummary("Retry the failed step of an incident")
            .AnswersWorkflowRefusals();
        return app;
    }

    public static async Task<Ok<InstanceList>> ListAsync([AsParameters] InstanceFilter filter, InstanceSearch search, CancellationToken ct)
    {
        var page = await search.PageAsync(filter, ct);
        return TypedResults.Ok(new InstanceList(page.Rows.Select(MonitoredInstance.From).ToList(), page.Next));
    }

    public static async Task<Results<Ok<InstanceDetail>, NotFound>> GetAsync(Guid instanceId, ClaimsPrincipal user, InstanceLookup lookup,
        CancellationToken ct)
    {
        if (await lookup.LoadAsync(instanceId, user, ct) is not { } o) return TypedResults.NotFound();
        return TypedResults.Ok(new InstanceDetail(
            MonitoredInstance.From(new InstanceRow(o.Instance, o.CompanyName, o.Incidents.Count(i => i.ResolvedAt is null))),
            o.Variables, MermaidDiagram.For(o.Workflow.Definition, o.Instance.State, Lang.Code), o.Journal, o.OpenTasks, o.PendingTimers,
            o.Emails.Select(m => new EmailView(m.Id, m.To, m.Subject, m.Status.ToString(), m.Attempts, m.SentAt, m.LastError, m.CreatedAt)).ToList(),
            o.Incidents));
    }

    public sealed record CancelRequest(Guid InstanceId, [property: FromBody] CancelInstance Body, ClaimsPrincipal User, OperatorCommands Commands,
        CancellationToken Ct);

    public static async Task<Results<Ok<WorkflowResult>, ValidationProblem>> CancelAsync([AsParameters] CancelRequest r)
    {
        var errors = OperatorCommands.CheckReason(r.Body.Reason);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await r.Commands.CancelAsync(r.InstanceId, r.Body.Reason!, r.User, r.Ct));
    }

    public sealed record MigrationRequest(Guid InstanceId, [property: FromBody] MigrateRequest Body, ClaimsPrincipal User, OperatorCommands Commands,
        CancellationToken Ct);

    public static async Task<Ok<MigrationCheck>> CheckMigrationAsync([AsParameters] MigrationRequest r) =>
        TypedResults.Ok(await r.Commands.CheckMigrationAsync(r.InstanceId, r.Body, r.User, r.Ct));

    public static async Task<Results<Ok<WorkflowResult>, ProblemHttpResult>> MigrateAsync([AsParameters] MigrationRequest r)
    {
        var outcome = await r.Commands.MigrateAsync(r.InstanceId, r.Body, r.User, r.Ct);
        return outcome.Moved is { } moved ? TypedResults.Ok(moved) : OperatorCommands.Invalid(outcome.Problems);
    }

    public static async Task<Ok<WorkflowResult>> RetryAsync(Guid incidentId, ClaimsPrincipal user, OperatorCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.RetryAsync(incidentId, user, ct));
}

public sealed record InstanceList(IReadOnlyList<MonitoredInstance> Items, Guid? Next);

public sealed record InstanceDetail(
    MonitoredInstance Instance, string Variables, string Diagram, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<InstanceTaskView> Tasks,
    IReadOnlyList<InstanceTimerView> Timers, IReadOnlyList<EmailView> Emails, IReadOnlyList<IncidentView> Incidents);

/// <summary>An email of the instance as the API shows it.</summary>
public sealed record EmailView(Guid Id, string To, string Subject, string Status, int Attempts, DateTimeOffset? SentAt, string? LastError,
    DateTimeOffset CreatedAt);

public sealed record MonitoredInstance(Guid Id, string DefinitionId, int DefinitionVersion, string State, string Status, Guid? CompanyId,
    string? CompanyName, string? CorrelationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, int OpenIncidents)
{
    public static MonitoredInstance From(InstanceRow row)
    {
        var i = row.Instance;
        return new(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Status.ToString(), i.CompanyId, row.CompanyName, i.CorrelationId,
            i.CreatedAt, i.UpdatedAt, i.Version, row.OpenIncidents);
    }
}
