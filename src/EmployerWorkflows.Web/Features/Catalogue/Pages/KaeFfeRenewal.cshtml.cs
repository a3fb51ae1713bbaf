using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Catalogue.Pages;

/// <summary>
/// The start form of a KAE-FFE write-rights renewal, drawn from its form definition and started by the same service as
/// <c>POST /api/jobroom/write-rights</c>. A refused start keeps what was typed and says why; nothing is created.
/// </summary>
[Authorize]
public sealed class KaeFfeRenewalModel(FileFormCatalog forms, WriteRightsProcedures procedures, IUidRegister register)
    : StartFormPage(forms, FormId)
{
    public const string FormId = "kae-ffe-renewal-start";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await ReadAsync(ct) is not { } submission
            ? Page()
            : await StartAsync(
                () => procedures.StartOnDemandAsync(SwissUid.Parse((string)submission.Payload["uid"]!),
                    (string?)submission.Payload["deadline"], User, register, ct),
                started =>
                {
                    TempData["Submitted"] = T($"Rinnovo avviato (riferimento {started.Reference}): sei la persona responsabile; il primo passo è la verifica del conto Job-Room.",
                        $"Renewal started (reference {started.Reference}): you are the responsible person; the first step is the Job-Room account check.");
                    return Redirect($"/procedures?submitted={started.InstanceId}");
                });
}
