using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// Turns the runtime's typed refusals into HTTP answers a person can act on: 404 unknown, 409 someone else acted
/// first (with the current state), 409 not possible now or procedure closed to new requests, 400 fields the step refuses
/// (missing, unknown, ill-typed or protected, or refused by one of its checks).
/// </summary>
public static class WorkflowProblems
{
    public static IResult? ToResult(WorkflowException exception) => exception switch
    {
        NoPublishedVersionException => Results.Problem(statusCode: 409,
            title: Lang.T("Questa procedura al momento non accetta nuove richieste.", "This procedure is not taking new requests at the moment."),
            detail: Lang.T("Non è stato salvato nulla. Riprova più tardi o contatta l'agenzia.",
                "Nothing was saved. Try again later or contact the agency.")),
        WorkflowNotFoundException => Results.Problem(statusCode: 404,
            title: Lang.T("Pratica non trovata.", "Procedure not found.")),
        WorkflowConflictException c => Results.Problem(statusCode: 409,
            title: Lang.T("Qualcun altro ha già agito su questa pratica.", "Someone else has already acted on this procedure."),
            detail: Lang.T($"La pratica ora è nello stato «{c.CurrentState}». Ricarica la pagina per vedere la situazione attuale.",
                $"The procedure is now in state «{c.CurrentState}». Reload to see where it stands."),
            extensions: new Dictionary<string, object?> { ["currentState"] = c.CurrentState, ["currentVersion"] = c.CurrentVersion }),
        TriggerNotPermittedException t => Results.Problem(statusCode: 409,
            title: Lang.T("Azione non disponibile in questo momento.", "This action is not available now."),
            detail: t.PermittedTitles.Count == 0
                ? Lang.T($"Nello stato «{t.StateTitle.It}» nessuna azione è possibile ora.", $"In state «{t.StateTitle.En}» no action is possible now.")
                : Lang.T($"Nello stato «{t.StateTitle.It}» sono possibili: {string.Join(", ", t.PermittedTitles.Select(a => $"«{a.It}»"))}.",
                    $"In state «{t.StateTitle.En}» the possible actions are: {string.Join(", ", t.PermittedTitles.Select(a => $"«{a.En}»"))}."),
            extensions: new Dictionary<string, object?> { ["state"] = t.State, ["permitted"] = t.PermittedTriggers }),
        PayloadInvalidException p => Results.ValidationProblem(Messages(p.Errors),
            title: p.MissingFields.Count == p.Errors.Count
                ? Lang.T("Mancano dati obbligatori.", "Required data is missing.")
                : Lang.T("Alcuni dati non sono accettati da questo passo.", "Some data is not accepted by this step.")),
        StepRefusedException r => Results.ValidationProblem(Messages(r.Errors),
            title: Lang.T("Il passo non può essere eseguito con questi dati.", "The step cannot be taken with this data.")),
        WorkflowNotRunningException n => Results.Problem(statusCode: 409,
            title: Lang.T("La pratica è già conclusa.", "The procedure has already ended."),
            extensions: new Dictionary<string, object?> { ["status"] = n.Status.ToString() }),
        TaskNotFoundException => Results.Problem(statusCode: 404,
            title: Lang.T("Attività non trovata.", "Task not found.")),
        TaskClosedException c => Results.Problem(statusCode: 409,
            title: Lang.T("Questa attività è già stata chiusa.", "This task has already been closed."),
            detail: Lang.T($"Esito: {c.Outcome}.", $"Outcome: {c.Outcome}."),
            extensions: new Dictionary<string, object?> { ["outcome"] = c.Outcome }),
        TaskActionNotOfferedException a => Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["action"] = [Lang.T($"Azioni possibili: {string.Join(",", a.Actions)}.", $"Possible actions: {string.Join(",", a.Actions)}.")],
        }),
        _ => null,
    };

    /// <summary>
    /// Documents the refusals a workflow command may answer with. They are raised by the runtime and answered by the
    /// global exception handler, so the handler's return type cannot show them.
    /// </summary>
    public static RouteHandlerBuilder AnswersWorkflowRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static Dictionary<string, string[]> Messages(IReadOnlyDictionary<string, Runtime.Definitions.LocalizedText> errors) =>
        errors.ToDictionary(e => e.Key, e => new[] { e.Value.For(Lang.Code) });

    /// <summary>Runs a workflow command and maps the runtime's refusals; other exceptions propagate.</summary>
    public static async Task<IResult> RunAsync(Func<Task<IResult>> command)
    {
        try
        {
            return await command();
        }
        catch (WorkflowException e) when (ToResult(e) is { } result)
        {
            return result;
        }
    }
}
