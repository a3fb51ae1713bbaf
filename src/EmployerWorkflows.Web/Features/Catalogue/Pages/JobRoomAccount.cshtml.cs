using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.Procedures.Forms;
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
        var outcome = await start.StartAsync((string)submission.Payload["uid"]!, (string)submission.Payload["email"]!, User, ct);
        if (outcome.Started is { } started)
        {
            TempData["Submitted"] = started.Procedure == Features.JobRoom.AccountRequests.PowerOfAttorney
                ? T("Richiesta registrata: SECO spedirà una procura all'indirizzo del registro IDI; caricala firmata quando arriva.",
                    "Request recorded: SECO will post a power of attorney to the address in the UID register; upload it signed when it arrives.")
                : T("Richiesta registrata: l'amministratore principale del conto Job-Room di questo IDI deciderà.",
                    "Request recorded: the main administrator of this UID's Job-Room account will decide.");
            return Redirect($"/procedures?submitted={started.InstanceId}");
        }
        Errors = outcome.Errors.ToDictionary();
        if (outcome.AlreadyPending)
        {
            Refusal = T("Hai già un conto o una richiesta in corso per questo IDI.", "You already have an account or a pending request for this UID.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    private FormDefinition StartForm() =>
        forms.Get(FormId) ?? throw new InvalidOperationException($"The start form '{FormId}' is missing from workflows/forms.");
}
