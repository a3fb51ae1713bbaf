using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();

        group.MapGet("/", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
            {
                var tasks = await db.Set<WorkflowTask>().AsNoTracking()
                    .Where(t => t.Status == WorkflowTaskStatus.Open)
                    .VisibleTo(http.User, Roles.All.Append(Hosting.WorkflowRuntimeSetup.CompanyRole))
                    .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(200).ToListAsync(ct);
                return tasks.Select(TaskView.From).ToList();
            })
            .WithSummary("My open tasks")
            .WithDescription("Open tasks of the caller's roles and those assigned to the caller, soonest due first.");

        group.MapGet("/{taskId:guid}", async (Guid taskId, HttpContext http, AppDbContext db, IWorkflowEngine engine, CancellationToken ct) =>
            {
                var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
                if (task is null || !task.CanWork(http.User)) return Results.NotFound();
                var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
                var permitted = task.Status == WorkflowTaskStatus.Open && instance.Status == InstanceStatus.Running
                    ? await engine.GetPermittedActionsAsync(task.InstanceId, WorkflowActors.From(http.User, task.CompanyId), ct)
                    : [];
                return Results.Ok(new TaskDetail(TaskView.From(task), instance.State, instance.Version,
                    permitted.Where(p => task.ActionList.Contains(p.Trigger)).Select(ActionView.From).ToList()));
            })
            .WithSummary("A task with the actions the caller may take now")
            .Produces<TaskDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{taskId:guid}/complete", async (Guid taskId, [FromBody] CompleteTask request, HttpContext http,
                AppDbContext db, IWorkflowEngine engine, CancellationToken ct) =>
            {
                var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
                if (task is null || !task.CanWork(http.User)) return Results.NotFound();
                if (task.Status != WorkflowTaskStatus.Open)
                    return Results.Problem(statusCode: 409,
                        title: Lang.T("Questa attività è già stata chiusa.", "This task has already been closed."),
                        detail: Lang.T($"Esito: {task.Outcome}.", $"Outcome: {task.Outcome}."),
                        extensions: new Dictionary<string, object?> { ["outcome"] = task.Outcome });
                if (!task.ActionList.Contains(request.Action))
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["action"] = [Lang.T($"Azioni possibili: {task.Actions}.", $"Possible actions: {task.Actions}.")],
                    });
                return await WorkflowProblems.RunAsync(async () =>
                {
                    var result = await engine.FireAsync(new FireTrigger(task.InstanceId, request.Action,
                        WorkflowActors.From(http.User, task.CompanyId), request.Payload, request.ExpectedVersion, request.IdempotencyKey), ct);
                    return Results.Ok(result);
                });
            })
            .WithSummary("Complete a task with one of its actions")
            .WithDescription("Fires the action on the task's procedure. Send the instance version you saw as expectedVersion: "
                             + "if someone else acted first the answer is 409 with the current state. An idempotencyKey makes retries safe.")
            .Produces<WorkflowResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}

public sealed record TaskView(Guid Id, Guid InstanceId, string DefinitionId, Guid? CompanyId, string State, string Title, string Form,
    IReadOnlyList<string> Actions, string? Role, string? AssigneeUserId, string Priority, DateTimeOffset? DueAt, string Status)
{
    public static TaskView From(WorkflowTask t) => new(t.Id, t.InstanceId, t.DefinitionId, t.CompanyId, t.State,
        Lang.IsEnglish ? t.TitleEn : t.TitleIt, t.Form, t.ActionList, t.Role, t.AssigneeUserId, t.Priority.ToString(), t.DueAt, t.Status.ToString());
}

public sealed record TaskDetail(TaskView Task, string InstanceState, long InstanceVersion, IReadOnlyList<ActionView> PermittedActions);

/// <param name="Payload">Form values, e.g. the mandatory <c>reason</c> of a rejection.</param>
public sealed record CompleteTask(string Action, JsonObject? Payload, long? ExpectedVersion, string? IdempotencyKey);
