using System.Security.Claims;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>What an operator asks for when moving an instance: the target version and where its states go.</summary>
public sealed record MigrateRequest(int TargetVersion, Dictionary<string, string>? StateMapping);

public sealed record CancelInstance(string? Reason);

/// <summary>A migration problem in the caller's language, with the engine's code for programs.</summary>
public sealed record MigrationProblemView(string Code, string Message, string? State);

/// <summary>The answer of a migration check: nothing has changed either way.</summary>
public sealed record MigrationCheck(bool Valid, IReadOnlyList<MigrationProblemView> Problems);

/// <summary>What a migration came to: the moved instance, or the problems that stopped it (nothing changed then).</summary>
public sealed record MigrationOutcome(WorkflowResult? Moved, IReadOnlyList<MigrationProblemView> Problems);

/// <summary>
/// The operator's repairs — retry an incident, cancel, check and run a migration — for the JSON API and the
/// monitor pages alike. The runtime's refusals propagate as its exceptions; the engine journals each repair.
/// </summary>
public sealed class OperatorCommands(IWorkflowEngine engine)
{
    /// <summary>Longest cancellation reason: it is kept in the journal and in each closed incident's resolution.</summary>
    public const int ReasonMaxLength = 300;

    public Task<WorkflowResult> RetryAsync(Guid incidentId, ClaimsPrincipal user, CancellationToken ct) =>
        engine.RetryAsync(incidentId, WorkflowActors.From(user), ct);

    /// <summary>Cancels with a reason already checked by <see cref="CheckReason"/>.</summary>
    public Task<WorkflowResult> CancelAsync(Guid instanceId, string reason, ClaimsPrincipal user, CancellationToken ct) =>
        engine.CancelAsync(instanceId, WorkflowActors.From(user), reason.Trim(), ct);

    /// <summary>A cancellation needs a reason: it tells later readers of the journal why the procedure stopped.</summary>
    public static FieldErrors CheckReason(string? reason) =>
        new FieldErrors().Required("reason", reason, "Motivo", "Reason").MaxLength("reason", reason?.Trim(), ReasonMaxLength);

    public async Task<MigrationCheck> CheckMigrationAsync(Guid instanceId, MigrateRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = await engine.CheckMigrationAsync(Command(instanceId, request, user), ct);
        return new MigrationCheck(problems.Count == 0, problems.Select(MigrationProblemText.View).ToList());
    }

    public async Task<MigrationOutcome> MigrateAsync(Guid instanceId, MigrateRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var command = Command(instanceId, request, user);
        var problems = await engine.CheckMigrationAsync(command, ct);
        if (problems.Count > 0) return new MigrationOutcome(null, problems.Select(MigrationProblemText.View).ToList());
        try
        {
            return new MigrationOutcome(await engine.MigrateAsync(command, ct), []);
        }
        catch (MigrationInvalidException e)
        {
            // The target changed between the check and the move (e.g. retired meanwhile): the engine's own words.
            return new MigrationOutcome(null, e.Problems.Select(p => new MigrationProblemView("Invalid", p, null)).ToList());
        }
    }

    /// <summary>The answer to a refused migration: 400 with the problems.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<MigrationProblemView> problems) =>
        TypedResults.Problem(statusCode: 400, title: Lang.T("La migrazione non è valida.", "The migration is not valid."),
            detail: string.Join(" ", problems.Select(p => p.Message)),
            extensions: new Dictionary<string, object?> { ["problems"] = problems });

    private static MigrateInstance Command(Guid instanceId, MigrateRequest request, ClaimsPrincipal user) =>
        new(instanceId, request.TargetVersion, Mapping(request.StateMapping), WorkflowActors.From(user));

    /// <summary>Blank choices mean "keep the name", as a state absent from the mapping does.</summary>
    private static Dictionary<string, string> Mapping(Dictionary<string, string>? mapping) =>
        (mapping ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value.Trim(), StringComparer.Ordinal);
}
