using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Companies.Registration;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Inbox.Pages;

/// <summary>One task: the company, its documents, history and diagram, and the form with the permitted actions.</summary>
[Authorize]
public sealed class TaskModel(TaskPageData data, IWorkflowEngine engine, AppDbContext db, ResubmitRegistration resubmit, TimeProvider clock,
    WhatHappensNext next) : PageModel
{
    public TaskContext Context { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>Someone else acted first, or the action is no longer possible: said plainly, with the current state.</summary>
    public string? Conflict { get; private set; }
    public string? ChosenAction { get; private set; }
    /// <summary>A destructive action asked for and waiting for its confirmation; the form is shown again as filled in.</summary>
    public PermittedAction? Confirming { get; private set; }
    /// <summary>Company data editable while answering a registration's integration request.</summary>
    public Companies.Pages.CompanyForm? CompanyData { get; private set; }

    public bool EditsCompanyData => Context.Instance.DefinitionId == RegisterCompany.DefinitionId && Context.Actions.Any(a => a.Trigger == CompanyRegistrationTriggers.Resubmit)
        && Context.Company is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await data.LoadAsync(id, User, ct) is not { } context) return NotFound();
        Context = context;
        if (EditsCompanyData) CompanyData = Companies.Pages.CompanyForm.From(context.Company!);
        if (!context.IsOpen)
            Conflict = T("Questa attività è già stata completata.", "This task has already been completed.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, long expectedVersion, CancellationToken ct)
    {
        if (await data.LoadAsync(id, User, ct) is not { } context) return NotFound();
        Context = context;
        ChosenAction = action;
        if (EditsCompanyData) CompanyData = Companies.Pages.CompanyForm.From(Request.Form);
        if (!context.IsOpen || context.Instance.Version != expectedVersion)
            return ActedFirst(context);
        var permitted = context.Actions.FirstOrDefault(a => a.Trigger == action);
        if (permitted is null)
        {
            Conflict = T("Questa azione non è disponibile in questo momento.", "This action is not available now.");
            return Page();
        }
        var form = context.Form ?? new Runtime.Forms.FormDefinition(context.Task.Form, new("", ""), []);
        var submission = await FormInput.ReadAsync(form, Request.Form, permitted.Requires, ct);
        if (submission.Errors.Any)
        {
            Errors = submission.Errors.ToDictionary();
            return Page();
        }
        if (DestructiveActions.Contains(permitted.Trigger) && Request.Form["confirmed"] != permitted.Trigger)
        {
            Confirming = permitted;
            return Page();
        }
        var actor = WorkflowActors.From(User, context.Task.CompanyId);
        try
        {
            // Uploads are saved with the step, whichever way it is fired (a resubmission may carry a requested document).
            // Stored in the step's transaction; the field's value is the document's id, as through the API.
            foreach (var file in submission.Files)
                submission.Payload[file.Field] = TaskDocuments.Store(db, context.Task, file, actor.UserId, clock.GetUtcNow()).ToString();
            if (context.Instance.DefinitionId == RegisterCompany.DefinitionId && action == CompanyRegistrationTriggers.Resubmit)
            {
                // The submitter corrects the company data on the same page (codice fiscale excluded).
                var outcome = await resubmit.HandleAsync(context.Task.CompanyId!.Value,
                    new ResubmissionRequest(CompanyData!.ToInput(withCodiceFiscale: false), submission.Payload["message"]?.GetValue<string>(),
                        expectedVersion, null, RequestedDocument(submission)), actor, ct);
                if (!outcome.Succeeded)
                {
                    Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [""] = [outcome.Message] };
                    return Page();
                }
            }
            else
            {
                await engine.FireAsync(db, new FireTrigger(context.Instance.Id, action!, actor, submission.Payload, expectedVersion), ct);
            }
        }
        catch (WorkflowConflictException)
        {
            return await ActedFirstAsync(id, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            // Refused by the step's contract or checks: the same field errors the API gives, beside the fields.
            if (refusal.StatusCode == StatusCodes.Status400BadRequest)
            {
                db.ChangeTracker.Clear();
                Errors = new Dictionary<string, string[]>(refusal.Fields) { [""] = [refusal.Title] };
                return Page();
            }
            Conflict = refusal.Title + " " + refusal.Detail;
            return Page();
        }
        TempData["Message"] = T($"«{permitted.Title.It}» registrato.", $"«{permitted.Title.En}» recorded.") + " "
                              + await next.DescribeAsync(context.Instance.Id, actor.UserId, ct);
        return CompanyAccess.IsAgency(User) ? Redirect("/inbox") : Redirect("/procedures");
    }

    /// <summary>Actions that end or undo something for the other side: asked for twice, the second time after saying what follows.</summary>
    private static readonly HashSet<string> DestructiveActions = ["reject", "refuse", "cancel", "revoke", "revoked"];

    /// <summary>What the confirmed action leads to, from the definition: the next state and whether the procedure ends there.</summary>
    public string Consequence(PermittedAction action) =>
        Context.Definition.States.TryGetValue(action.To, out var to) && to.Final
            ? T($"La pratica passerà allo stato «{Title(action.To)}» e si concluderà: non si potrà tornare indietro.",
                $"The procedure will move to «{Title(action.To)}» and end there: this cannot be undone.")
            : T($"La pratica passerà allo stato «{Title(action.To)}».", $"The procedure will move to «{Title(action.To)}».");

    private static Guid? RequestedDocument(FormSubmission submission) =>
        Guid.TryParse(submission.Payload["requestedDocumentFile"]?.GetValue<string>(), out var id) ? id : null;

    private async Task<IActionResult> ActedFirstAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return ActedFirst((await data.LoadAsync(id, User, ct))!);
    }

    private IActionResult ActedFirst(TaskContext current)
    {
        Context = current;
        var state = current.Instance.State;
        Response.StatusCode = StatusCodes.Status409Conflict;
        Conflict = T($"Qualcun altro ha già agito su questa pratica: ora è nello stato «{Title(state)}». Nulla è stato salvato.",
            $"Someone else has already acted on this procedure: it is now in state «{Title(state)}». Nothing was saved.");
        return Page();
    }

    public string Title(string? state) => state is null ? "" : ProcedureMap.Title(Context.Definition, state);

    public Procedures.Forms.TextFieldView Text(string key, string label, bool required = true) =>
        new(key, label, CompanyData?[key], Errors, Required: required);

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;
}
