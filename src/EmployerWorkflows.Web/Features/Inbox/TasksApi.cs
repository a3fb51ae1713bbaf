using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>The one task API: list, read and complete the tasks the caller may work.</summary>
public static class TasksApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync)
            .WithSummary("My open tasks")
            .WithDescription($"Open tasks of the caller's roles and those assigned to the caller, in the inbox's order (dated tasks soonest "
                             + $"due first, then undated ones), {DefaultPageSize} per page unless limit says otherwise (at most {MaxPageSize}). "
                             + "Follow next for the following page; it is null on the last.");
        group.MapGet("/{taskId:guid}", GetAsync)
            .WithSummary("A task with the actions the caller may take now");
        group.MapPost("/{taskId:guid}/complete", CompleteAsync)
            .WithSummary("Complete a task with one of its actions")
            .WithDescription("Fires the action on the task's procedure. Send the instance version you saw as expectedVersion: "
                             + "if someone else acted first the answer is 409 with the current state. An idempotencyKey makes retries safe.")
            .AnswersWorkflowRefusals();
        return app;
    }

    /// <param name="After">The cursor from the previous page's next link.</param>
    /// <param name="Limit">Tasks per page, 1 to 200 (50 when absent).</param>
    public sealed record ListRequest(
        [property: FromQuery(Name = "after")] string? After,
        [property: FromQuery(Name = "limit")] int? Limit,
        ClaimsPrincipal User, TaskInbox Inbox, CancellationToken Ct);

    public static async Task<Results<Ok<TaskList>, ValidationProblem>> ListAsync([AsParameters] ListRequest request)
    {
        var errors = new FieldErrors();
        var limit = request.Limit ?? DefaultPageSize;
        if (limit is < 1 or > MaxPageSize)
            errors.Add("limit", $"Indica un numero da 1 a {MaxPageSize}.", $"Give a number from 1 to {MaxPageSize}.");
        if (!TaskInbox.IsCursor(request.After))
            errors.Add("after", "Cursore non valido: usa il link next della pagina precedente.",
                "Invalid cursor: use the next link of the previous page.");
        if (errors.Any) return errors.ToProblem();
        var page = await request.Inbox.PageAsync(TaskReaders.For(request.User), new InboxFilter(After: request.After), limit, request.Ct);
        var next = page.Next is { } cursor
            ? $"/api/tasks?after={Uri.EscapeDataString(cursor)}" + (request.Limit is { } l ? $"&limit={l}" : "")
            : null;
        return TypedResults.Ok(new TaskList(page.Tasks.Select(TaskView.From).ToList(), next));
    }

    public sealed record TaskRequest(Guid TaskId, ClaimsPrincipal User, TaskInbox Inbox, CancellationToken Ct);

    public static async Task<Results<Ok<TaskDetail>, NotFound>> GetAsync([AsParameters] TaskRequest request)
    {
        var actions = await request.Inbox.ActionsAsync(request.TaskId, TaskReaders.For(request.User), WorkflowActors.From(request.User), request.Ct);
        return actions is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new TaskDetail(TaskView.From(actions.Task), actions.InstanceState, actions.InstanceVersion,
                actions.Permitted.Select(ActionView.From).ToList()));
    }

    public sealed record CompleteRequest(Guid TaskId, [property: FromBody] CompleteTask Body, ClaimsPrincipal User, TaskInbox Inbox, CancellationToken Ct);

    public static async Task<Ok<WorkflowResult>> CompleteAsync([AsParameters] CompleteRequest request)
    {
        var body = request.Body;
        return TypedResults.Ok(await request.Inbox.CompleteAsync(request.TaskId, TaskReaders.For(request.User), WorkflowActors.From(request.User),
            body.Action, body.Payload, body.ExpectedVersion, body.IdempotencyKey, request.Ct));
    }
}

/// <summary>A page of tasks; <see cref="Next"/> is the link to the following page, null on the last.</summary>
public sealed record TaskList(IReadOnlyList<TaskView> Tasks, string? Next);

public sealed record TaskDetail(TaskView Task, string InstanceState, long InstanceVersion, IReadOnlyList<ActionView> PermittedActions);

/// <param name="Payload">Form values, e.g. the mandatory <c>reason</c> of a rejection.</param>
public sealed record CompleteTask(string Action, JsonObject? Payload, long? ExpectedVersion, string? IdempotencyKey);
