using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// The start form of a Job-Room account request, drawn from its form definition like a task form and checked by the
/// same field rules. A refused request keeps what was typed and says why, field by field.
/// </summary>
[Authorize]
public sealed class JobRoomAccountModel(FileFormCatalog forms, JobRoomAccountStart start) : StartFormPage(forms, FormId)
{
    public const string FormId = "jobroom-account-request";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await ReadAsync(ct) is not { } submission
            ? Page()
            : await StartAsync(
                () => start.StartAsync(SwissUid.Parse((string)submission.Payload["uid"]!), (string)submission.Payload["email"]!, User, ct),
                started =>
                {
                    TempData["Submitted"] = started.Procedure == AccountRequests.PowerOfAttorney
                        ? T("Richiesta registrata: SECO spedirà una procura all'indirizzo del registro IDI; caricala firmata quando arriva.",
                            "Request recorded: SECO will post a power of attorney to the address in the UID register; upload it signed when it arrives.")
                        : T("Richiesta registrata: l'amministratore principale del conto Job-Room di questo IDI deciderà.",
                            "Request recorded: the main administrator of this UID's Job-Room account will decide.");
                    return Redirect($"/procedures?submitted={started.InstanceId}");
                });
}
