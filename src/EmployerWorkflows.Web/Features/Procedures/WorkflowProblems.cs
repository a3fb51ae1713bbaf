using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// A refusal a person can act on: its status, title and detail in the reader's language, the fields it names and
/// what programs read (the current state, the permitted actions).
/// </summary>
public sealed record Refusal(
    int StatusCode, string Title, string? Detail = null, IDictionary<string, string[]>? FieldErrors = null,
    IDictionary<string, object?>? Extensions = null)
{
    public IDictionary<string, string[]> Fields => FieldErrors ?? new Dictionary<string, string[]>();

    /// <summary>Title and detail as one sentence, for a page's message.</summary>
    public string Text => string.Join(" ", new[] { Title, Detail }.Where(t => !string.IsNullOrWhiteSpace(t)));

    public IResult ToResult() => FieldErrors is { } errors
        ? Results.ValidationProblem(errors, title: Title, detail: Detail, statusCode: StatusCode)
        : Results.Problem(statusCode: StatusCode, title: Title, detail: Detail, extensions: Extensions);
}

/// <summary>
/// Turns the runtime's typed refusals into answers a person can act on: 403 no tie to the company (e.g. a revoked
/// delegation), 404 unknown, 409 someone else acted
/// first (with the current state), 409 not possible now or procedure closed to new requests, 400 fields the step refuses
/// (missing, unknown, ill-typed or protected, or refused by one of its checks). APIs get them from the global
/// exception handler; pages show <see cref="Describe"/> beside the form.
/// </summary>
public static class WorkflowProblems
{
    public static IResult? ToResult(WorkflowException exception) => Describe(exception)?.ToResult();

    public static Refusal? Describe(WorkflowException exception) => exception switch
    {
        NoPublishedVersionException => new Refusal(409,
            Lang.T("Questa procedura al momento non accetta nuove richieste.", "This procedure is not taking new requests at the moment."),
            Lang.T("Non è stato salvato nulla. Riprova più tardi o contatta l'agenzia.",
                "Nothing was saved. Try again later or contact the agency.")),
        WorkflowNotFoundException => new Refusal(404, Lang.T("Pratica non trovata.", "Procedure not found.")),
        WorkflowConflictException c => new Refusal(409,
            Lang.T("Qualcun altro ha già agito su questa pratica.", "Someone else has already acted on this procedure."),
            Lang.T($"La pratica ora è nello stato «{c.CurrentState}». Ricarica la pagina per vedere la situazione attuale.",
                $"The procedure is now in state «{c.CurrentState}». Reload to see where it stands."),
            Extensions: new Dictionary<string, object?> { ["currentState"] = c.CurrentState, ["currentVersion"] = c.CurrentVersion }),
        TriggerNotPermittedException t => new Refusal(409,
            Lang.T("Azione non disponibile in questo momento.", "This action is not available now."),
            t.PermittedTitles.Count == 0
                ? Lang.T($"Nello stato «{t.StateTitle.It}» nessuna azione è possibile ora.", $"In state «{t.StateTitle.En}» no action is possible now.")
                : Lang.T($"Nello stato «{t.StateTitle.It}» sono possibili: {string.Join(", ", t.PermittedTitles.Select(a => $"«{a.It}»"))}.",
                    $"In state «{t.StateTitle.En}» the possible actions are: {string.Join(", ", t.PermittedTitles.Select(a => $"«{a.En}»"))}."),
            Extensions: new Dictionary<string, object?> { ["state"] = t.State, ["permitted"] = t.PermittedTriggers }),
        PayloadInvalidException p => new Refusal(400,
            p.MissingFields.Count == p.Errors.Count
                ? Lang.T("Mancano dati obbligatori.", "Required data is missing.")
                : Lang.T("Alcuni dati non sono accettati da questo passo.", "Some data is not accepted by this step."),
            FieldErrors: Messages(p.Errors)),
        StepRefusedException r => new Refusal(400,
            Lang.T("Il passo non può essere eseguito con questi dati.", "The step cannot be taken with this data."),
            FieldErrors: Messages(r.Errors)),
        WorkflowNotRunningException n => new Refusal(409,
            Lang.T("La pratica è già conclusa.", "The procedure has already ended."),
            Extensions: new Dictionary<string, object?> { ["status"] = n.Status.ToString() }),
        ActorNotAdmittedException a => new Refusal(403,
            Lang.T("Non puoi agire su questa pratica.", "You may not act on this procedure."), a.Reason.For(Lang.Code)),
        TaskNotFoundException => new Refusal(404, Lang.T("Attività non trovata.", "Task not found.")),
        TaskClosedException c => new Refusal(409,
            Lang.T("Questa attività è già stata chiusa.", "This task has already been closed."),
            Lang.T($"Esito: {c.Outcome}.", $"Outcome: {c.Outcome}."),
            Extensions: new Dictionary<string, object?> { ["outcome"] = c.Outcome }),
        TaskActionNotOfferedException a => new Refusal(400,
            Lang.T("Alcuni dati non sono validi.", "Some data is not valid."),
            FieldErrors: new Dictionary<string, string[]>
            {
                ["action"] = [Lang.T($"Azioni possibili: {string.Join(",", a.Actions)}.", $"Possible actions: {string.Join(",", a.Actions)}.")],
            }),
        _ => null,
    };

    private static Dictionary<string, string[]> Messages(IReadOnlyDictionary<string, Runtime.Definitions.LocalizedText> errors) =>
        errors.ToDictionary(e => e.Key, e => new[] { e.Value.For(Lang.Code) });

    /// <summary>
    /// Documents the refusals a workflow command may answer with. They are raised by the runtime and answered by the
    /// global exception handler, so the handler's return type cannot show them.
    /// </summary>
    public static RouteHandlerBuilder AnswersWorkflowRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
