using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// The Job-Room support request, drawn from its form definition; what is posted goes as it is to the same service as
/// <c>POST /api/jobroom/support-requests</c>, so the checks and messages are the API's. Nothing is sent on a refusal.
/// </summary>
[Authorize]
public sealed class SupportRequestModel(FileFormCatalog forms, SupportRequests requests) : PageModel
{
    public const string FormId = "jobroom-support-request";

    public FormDefinition Form { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet() => Form = StartForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = StartForm();
        var posted = Request.Form;
        var outcome = await requests.SendAsync(
            new SupportRequestInput(posted["uid"].ToString(), posted["description"].ToString(), posted.Files["screenshot"], null), User, ct);
        if (outcome.Value is { } sent)
        {
            TempData["Submitted"] = T($"Richiesta di assistenza inviata a {sent.To}: la risposta arriva per e-mail.",
                $"Support request sent to {sent.To}: the answer arrives by email.");
            return Redirect("/procedures");
        }
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].ToString() : null;

    private FormDefinition StartForm() =>
        forms.Get(FormId) ?? throw new InvalidOperationException($"The form '{FormId}' is missing from workflows/forms.");
}
