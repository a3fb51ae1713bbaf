using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Hosting;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Designer.Sandbox;

/// <summary>"Try it": run a draft by hand, with a fake clock, and see what it would do.</summary>
public static class SandboxApi
{
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sandbox").WithTags("Process designer").RequireAuthorization(p => p.RequireRole(Roles.ProcessDesigner));

        group.MapPost("/", StartAsync)
            .WithSummary("Start a sandbox run of a definition")
            .WithDescription("Runs on its own in-memory database with a clock you move; domain operations are only recorded and emails only shown.");
        group.MapGet("/{sessionId:guid}", SnapshotAsync)
            .WithSummary("Where the sandbox run stands");
        group.MapPost("/{sessionId:guid}/fire", FireAsync)
            .WithSummary("Fire a trigger by hand")
            .WithDescription("Operations are only recorded. To see how a step answers when one of its checks refuses, name the operation " +
                             "and the field errors it should give in refusals, e.g. {\"jobroom.checkEmailChange\": {\"newEmail\": \"Same address\"}}.");
        group.MapPost("/{sessionId:guid}/advance", AdvanceAsync)
            .WithSummary("Move the sandbox clock and fire what falls due");
        group.MapDelete("/{sessionId:guid}", Close)
            .WithSummary("Close a sandbox");
        return app;
    }

    public sealed record StartRequest([property: FromBody] SandboxStart Body, HttpContext Http, SandboxRegistry Registry,
        IDefinitionValidator Validator, IEnumerable<IWorkflowOperation> Operations, IConfiguration Configuration, TimeProvider Clock,
        CancellationToken Ct);

    /// <summary>The engine's refusals while starting or stepping go to the global exception handler, as on any other path.</summary>
    public static async Task<Results<Ok<SandboxSnapshot>, ProblemHttpResult>> StartAsync([AsParameters] StartRequest r)
    {
        var check = r.Validator.Validate(r.Body.Json ?? "");
        if (!check.IsValid)
            return TypedResults.Problem(statusCode: 400, title: Lang.T("La definizione contiene errori.", "The definition has errors."),
                extensions: new Dictionary<string, object?> { ["errors"] = DesignerError.Of(check.Errors) });
        var session = new SandboxSession(WorkflowRuntimeSetup.WorkflowsPath(r.Configuration, r.Configuration["App:Home"]!),
            Roles.Tasks, r.Operations, r.Clock.GetUtcNow());
        r.Registry.Add(session);
        return TypedResults.Ok(await session.StartAsync(r.Body.Json!, r.Body.Variables, Tester(r.Http), r.Ct));
    }

    public static async Task<Results<Ok<SandboxSnapshot>, NotFound>> SnapshotAsync(Guid sessionId, SandboxRegistry registry, CancellationToken ct) =>
        registry.Find(sessionId) is { } s ? TypedResults.Ok(await s.SnapshotAsync(ct)) : TypedResults.NotFound();

    public sealed record FireRequest(Guid SessionId, [property: FromBody] SandboxFire Body, HttpContext Http, SandboxRegistry Registry,
        CancellationToken Ct);

    public static async Task<Results<Ok<SandboxSnapshot>, NotFound, ValidationProblem>> FireAsync([AsParameters] FireRequest r)
    {
        if (r.Registry.Find(r.SessionId) is not { } s) return TypedResults.NotFound();
        if (SandboxRefusals.Parse(r.Body.Refusals) is not { } refuse)
            return new FieldErrors().Add("refusals",
                "I rifiuti simulati devono essere un oggetto JSON: {\"operazione\": {\"campo\": \"messaggio\"}}.",
                "Simulated refusals must be a JSON object: {\"operation\": {\"field\": \"message\"}}.").ToProblem();
        return TypedResults.Ok(await s.FireAsync(r.Body.Trigger, r.Body.Payload, Tester(r.Http), refuse, r.Ct));
    }

    public sealed record AdvanceRequest(Guid SessionId, [property: FromBody] SandboxAdvance Body, SandboxRegistry Registry, CancellationToken Ct);

    public static async Task<Results<Ok<SandboxSnapshot>, NotFound, ValidationProblem>> AdvanceAsync([AsParameters] AdvanceRequest r)
    {
        if (r.Registry.Find(r.SessionId) is not { } s) return TypedResults.NotFound();
        if (!IsoDuration.TryParse(r.Body.Duration, out var duration) || duration.IsZero)
            return new FieldErrors().Add("duration", "Indica una durata ISO-8601, ad esempio P1D o PT2H.",
                "Give an ISO-8601 duration, for example P1D or PT2H.").ToProblem();
        var now = s.Clock.GetUtcNow();
        return TypedResults.Ok(await s.AdvanceAsync(duration.AddTo(now) - now, r.Ct));
    }

    public static NoContent Close(Guid sessionId, SandboxRegistry registry)
    {
        registry.Remove(sessionId);
        return TypedResults.NoContent();
    }

    /// <summary>In the sandbox the designer plays every role, so any transition can be tried.</summary>
    private static WorkflowActor Tester(HttpContext http)
    {
        var me = WorkflowActors.From(http.User);
        return me with { Roles = Roles.Tasks.ToHashSet() };
    }
}

public sealed record SandboxStart(string? Json, JsonObject? Variables);

public sealed record SandboxFire(string Trigger, JsonObject? Payload, JsonObject? Refusals = null);

public sealed record SandboxAdvance(string? Duration);
