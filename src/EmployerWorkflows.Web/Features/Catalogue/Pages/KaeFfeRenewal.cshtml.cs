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
/// The start form of a KAE-FFE write-rights renewal, drawn from its form definition and started by the same service as
/// <c>POST /api/jobroom/write-rights</c>. A refused start keeps what was typed and says why; nothing is created.
/// </summary>
[Authorize]
public sealed class KaeFfeRenewalModel(FileFormCatalog forms, WriteRightsProcedures procedures, IUidRegister register) : PageModel
{
    public const string FormId = "kae-ffe-renewal-start";

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
        Outcome<WriteRightsStarted> outcome;
        try
        {
            outcome = await procedures.StartOnDemandAsync(SwissUid.Parse((string)submission.Payload["uid"]!),
                (string?)submission.Payload["deadline"], User, register, ct);
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
            TempData["Submitted"] = T($"Rinnovo avviato (riferimento {started.Reference}): sei la persona responsabile; il primo passo è la verifica del conto Job-Room.",
                $"Renewal started (reference {started.Reference}): you are the responsible person; the first step is the Job-Room account check.");
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
