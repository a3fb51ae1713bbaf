using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Hosting;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Designer.Sandbox;

/// <summary>"Try it": run a draft by hand, with a fake clock, and see what it would do.</summary>
public static class SandboxApi
{
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sandbox").WithTags("Process designer").RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        group.MapPost("/", async ([FromBody] SandboxStart request, HttpContext http, SandboxRegistry registry, IDefinitionValidator validator,
                IEnumerable<IWorkflowOperation> operations, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                var check = validator.Validate(request.Json ?? "");
                if (!check.IsValid)
                    return Results.Problem(statusCode: 400, title: Lang.T("La definizione contiene errori.", "The definition has errors."),
                        extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(check.Errors) });
                var session = new SandboxSession(WorkflowRuntimeSetup.WorkflowsPath(configuration, configuration["App:Home"]!),
                    Roles.Tasks, operations, clock.GetUtcNow());
                registry.Add(session);
                return await Run(() => session.StartAsync(request.Json!, request.Variables, Tester(http), ct));
            })
            .WithSummary("Start a sandbox run of a definition")
            .WithDescription("Runs on its own in-memory database with a clock you move; domain operations are only recorded and emails only shown.");

        group.MapGet("/{sessionId:guid}", (Guid sessionId, SandboxRegistry registry, CancellationToken ct) =>
                registry.Find(sessionId) is { } s ? Run(() => s.SnapshotAsync(ct)) : Task.FromResult(Results.NotFound()))
            .WithSummary("Where the sandbox run stands");

        group.MapPost("/{sessionId:guid}/fire", ([FromBody] SandboxFire request, Guid sessionId, HttpContext http, SandboxRegistry registry, CancellationToken ct) =>
            {
                if (registry.Find(sessionId) is not { } s) return Task.FromResult(Results.NotFound());
                if (SandboxRefusals.Parse(request.Refusals) is not { } refuse)
                    return Task.FromResult(new FieldErrors().Add("refusals",
                        "I rifiuti simulati devono essere un oggetto JSON: {\"operazione\": {\"campo\": \"messaggio\"}}.",
                        "Simulated refusals must be a JSON object: {\"operation\": {\"field\": \"message\"}}.").ToResult());
                return Run(() => s.FireAsync(request.Trigger, request.Payload, Tester(http), refuse, ct));
            })
            .WithSummary("Fire a trigger by hand")
            .WithDescription("Operations are only recorded. To see how a step answers when one of its checks refuses, name the operation " +
                             "and the field errors it should give in refusals, e.g. {\"jobroom.checkEmailChange\": {\"newEmail\": \"Same address\"}}.");

        group.MapPost("/{sessionId:guid}/advance", ([FromBody] SandboxAdvance request, Guid sessionId, SandboxRegistry registry, CancellationToken ct) =>
            {
                if (registry.Find(sessionId) is not { } s) return Task.FromResult(Results.NotFound());
                if (!IsoDuration.TryParse(request.Duration, out var duration) || duration.IsZero)
                    return Task.FromResult(new FieldErrors().Add("duration", "Indica una durata ISO-8601, ad esempio P1D o PT2H.",
                        "Give an ISO-8601 duration, for example P1D or PT2H.").ToResult());
                var now = s.Clock.GetUtcNow();
                return Run(() => s.AdvanceAsync(duration.AddTo(now) - now, ct));
            })
            .WithSummary("Move the sandbox clock and fire what falls due");

        group.MapDelete("/{sessionId:guid}", (Guid sessionId, SandboxRegistry registry) =>
            {
                registry.Remove(sessionId);
                return Results.NoContent();
            })
            .WithSummary("Close a sandbox");
        return app;
    }

    /// <summary>In the sandbox the designer plays every role, so any transition can be tried.</summary>
    private static WorkflowActor Tester(HttpContext http)
    {
        var me = WorkflowActors.From(http.User);
        return me with { Roles = Roles.Tasks.ToHashSet() };
    }

    private static async Task<IResult> Run(Func<Task<SandboxSnapshot>> step)
    {
        try
        {
            return Results.Ok(await step());
        }
        catch (WorkflowException e) when (WorkflowProblems.ToResult(e) is { } refusal)
        {
            return refusal;
        }
    }
}

public sealed record SandboxStart(string? Json, JsonObject? Variables);

public sealed record SandboxFire(string Trigger, JsonObject? Payload, JsonObject? Refusals = null);

public sealed record SandboxAdvance(string? Duration);
