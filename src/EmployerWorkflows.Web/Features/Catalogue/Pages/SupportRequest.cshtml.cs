using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// The Job-Room support request, drawn from its form definition; what is posted goes as it is to the same service as
/// <c>POST /api/jobroom/support-requests</c>, so the checks and messages are the API's. Nothing is sent on a refusal.
/// </summary>
[Authorize]
public sealed class SupportRequestModel(FileFormCatalog forms, SupportRequests requests) : StartFormPage(forms, FormId)
{
    public const string FormId = "jobroom-support-request";

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var posted = Request.Form;
        return StartAsync(
            () => requests.SendAsync(
                new SupportRequestInput(posted["uid"].ToString(), posted["description"].ToString(), posted.Files["screenshot"], null), User, ct),
            sent =>
            {
                TempData["Submitted"] = T($"Richiesta di assistenza inviata a {sent.To}: la risposta arriva per e-mail.",
                    $"Support request sent to {sent.To}: the answer arrives by email.");
                return Redirect("/procedures");
            });
    }
}
