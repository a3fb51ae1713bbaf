using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// The start form of a Job-Room account request, drawn from its form definition like a task form and checked by the
/// same field rules. A refused request keeps what was typed and says why, field by field.
/// </summary>
[Authorize]
public sealed class JobRoomAccountModel(FileFormCatalog forms, JobRoomAccountStart start) : PageModel
{
    public const string FormId = "jobroom-account-request";

    public FormDefinition Form { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Refusal { get; private set; }

    public void OnGet() => Form = StartForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = StartForm();
        var submission = await FormInput.ReadAsync(Form, Request.Form, [], ct);
        if (submission.Errors.Any)
        {
            Errors = submission.Errors.ToDictionary();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Outcome<AccountRequestResult> outcome;
        try
        {
            outcome = await start.StartAsync(SwissUid.Parse((string)submission.Payload["uid"]!), (string)submission.Payload["email"]!, User, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            Refusal = refusal.Text;
            Errors = refusal.Fields;
            Response.StatusCode = refusal.StatusCode;
            return Page();
        }
        if (outcome.Value is { } started)
        {
            TempData["Submitted"] = started.Procedure == AccountRequests.PowerOfAttorney
                ? T("Richiesta registrata: SECO spedirà una procura all'indirizzo del registro IDI; caricala firmata quando arriva.",
                    "Request recorded: SECO will post a power of attorney to the address in the UID register; upload it signed when it arrives.")
                : T("Richiesta registrata: l'amministratore principale del conto Job-Room di questo IDI deciderà.",
                    "Request recorded: the main administrator of this UID's Job-Room account will decide.");
            return Redirect($"/procedures?submitted={started.InstanceId}");
        }
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
        if (outcome.Refusal is not null) Refusal = outcome.Message;
        Response.StatusCode = outcome.Errors is not null ? StatusCodes.Status400BadRequest : outcome.RefusalStatus;
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    private FormDefinition StartForm() =>
        forms.Get(FormId) ?? throw new InvalidOperationException($"The start form '{FormId}' is missing from workflows/forms.");
}
