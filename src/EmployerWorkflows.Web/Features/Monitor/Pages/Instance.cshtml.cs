using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Monitor.Pages;

/// <summary>
/// One instance as an operator sees it, and the repairs: retry an incident, cancel (with a reason, confirmed), move
/// to another published version (mapping checked first). Each repair posts, then comes back here with what happened.
/// </summary>
[Authorize(Roles = Roles.Operator)]
public sealed class InstanceModel(InstanceLookup lookup, MigrationTargets targets, OperatorCommands commands, TimeProvider clock) : PageModel
{
    public InstanceOverview Overview { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<int> TargetVersions { get; private set; } = [];
    /// <summary>The version chosen for a migration, with the states to map.</summary>
    public MigrationChoice? Migration { get; private set; }
    public IDictionary<string, string> Mapping { get; private set; } = new Dictionary<string, string>();
    /// <summary>Result of "check mapping", or the problems that stopped a migration.</summary>
    public MigrationCheck? Check { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>The engine refused a repair: said plainly.</summary>
    public string? Problem { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The reason is valid: ask once more before cancelling.</summary>
    public bool ConfirmCancel { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Warning { get; set; }

    public Task<IActionResult> OnGetAsync(Guid instanceId, int? migrateTo, CancellationToken ct) => ShowAsync(instanceId, migrateTo, ct);

    public async Task<IActionResult> OnPostRetryAsync(Guid instanceId, Guid incidentId, CancellationToken ct)
    {
        WorkflowResult result;
        try
        {
            result = await commands.RetryAsync(incidentId, User, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            return await RefusedAsync(instanceId, refusal.StatusCode == StatusCodes.Status404NotFound
                ? refusal with { Title = T("Questo incidente è già stato risolto o non esiste.", "This incident has already been resolved or does not exist."), Detail = null }
                : refusal, ct);
        }
        var state = await StateTitleAsync(instanceId, result.State, ct);
        if (result.Status == InstanceStatus.Faulted)
            Warning = T($"Il nuovo tentativo non è riuscito: la causa dell'errore c'è ancora. È stato aperto un nuovo incidente (stato «{state}»).",
                $"The retry failed: the cause of the error is still there. A new incident was opened (state «{state}»).");
        else
            Message = T($"Nuovo tentativo riuscito: la pratica è nello stato «{state}» ({MonitorText.Status(result.Status)}).",
                $"Retried: the instance is in state «{state}» ({MonitorText.Status(result.Status)}).");
        return RedirectToPage(new { instanceId });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid instanceId, string? reason, bool confirmed, CancellationToken ct)
    {
        Reason = reason;
        var errors = OperatorCommands.CheckReason(reason);
        if (errors.Any || !confirmed)
        {
            Errors = errors.ToDictionary();
            ConfirmCancel = !errors.Any;
            if (errors.Any) Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(instanceId, null, ct);
        }
        try
        {
            await commands.CancelAsync(instanceId, reason!, User, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            return await RefusedAsync(instanceId, refusal, ct);
        }
        Message = T("Pratica annullata: attività e scadenze chiuse, incidenti risolti.", "Instance cancelled: tasks and deadlines closed, incidents resolved.");
        return RedirectToPage(new { instanceId });
    }

    public async Task<IActionResult> OnPostCheckMigrationAsync(Guid instanceId, int targetVersion, Dictionary<string, string>? mapping, CancellationToken ct)
    {
        Mapping = mapping ?? [];
        try
        {
            Check = await commands.CheckMigrationAsync(instanceId, new MigrateRequest(targetVersion, mapping), User, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            return await RefusedAsync(instanceId, refusal, ct, targetVersion);
        }
        return await ShowAsync(instanceId, targetVersion, ct);
    }

    public async Task<IActionResult> OnPostMigrateAsync(Guid instanceId, int targetVersion, Dictionary<string, string>? mapping, CancellationToken ct)
    {
        Mapping = mapping ?? [];
        MigrationOutcome outcome;
        try
        {
            outcome = await commands.MigrateAsync(instanceId, new MigrateRequest(targetVersion, mapping), User, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            return await RefusedAsync(instanceId, refusal, ct, targetVersion);
        }
        if (outcome.Moved is not { } moved)
        {
            Check = new MigrationCheck(false, outcome.Problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(instanceId, targetVersion, ct);
        }
        Message = T($"Pratica spostata sulla versione {targetVersion}, nello stato «{await StateTitleAsync(instanceId, moved.State, ct)}».",
            $"Instance moved to version {targetVersion}, in state «{await StateTitleAsync(instanceId, moved.State, ct)}».");
        return RedirectToPage(new { instanceId });
    }

    private async Task<IActionResult> ShowAsync(Guid instanceId, int? migrateTo, CancellationToken ct)
    {
        if (await lookup.LoadAsync(instanceId, User, ct) is not { } overview) return NotFound();
        Overview = overview;
        Now = clock.GetUtcNow();
        if (overview.Instance.Status == InstanceStatus.Running)
        {
            TargetVersions = await targets.VersionsAsync(overview.Instance, ct);
            if (migrateTo is { } version)
                Migration = await targets.ChoiceAsync(overview.Instance, overview.Workflow.Definition, version, ct);
        }
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(Guid instanceId, Refusal refusal, CancellationToken ct, int? migrateTo = null)
    {
        Problem = refusal.Text;
        if (refusal.Fields.Count > 0) Errors = refusal.Fields;
        Response.StatusCode = refusal.StatusCode;
        return await ShowAsync(instanceId, migrateTo, ct);
    }

    private async Task<string> StateTitleAsync(Guid instanceId, string state, CancellationToken ct) =>
        await lookup.LoadAsync(instanceId, User, ct) is { } o ? ProcedureMap.Title(o.Workflow.Definition, state) : state;

    public string StateTitle(string state) => ProcedureMap.Title(Overview.Workflow.Definition, state);

    public string StateTitleOrDash(string? state) => state is null ? "—" : StateTitle(state);

    public string ActionTitle(string trigger, string? fromState) => ProcedureMap.ActionTitle(Overview.Workflow.Definition, trigger, fromState);

    public Procedures.Forms.TextFieldView ReasonField => new("reason", T("Motivo dell'annullamento", "Reason for cancelling"), Reason, Errors,
        Hint: T("Resta nel giornale della pratica.", "It is kept in the instance's journal."), Required: true);

    public string? Mapped(string state) => Mapping.TryGetValue(state, out var to) ? to : null;
}
