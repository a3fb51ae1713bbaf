using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Intermediaries.Pages;

/// <summary>The header's switch between the employers an intermediary acts for; journaled, since it frames what follows.</summary>
[Authorize]
public sealed class ActingForModel(ActingFor actingFor, AppDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/intermediary");

    public async Task<IActionResult> OnPostAsync(Guid companyId, string? returnUrl, CancellationToken ct)
    {
        // Another employer's id, or one whose delegation was revoked or has expired: nothing says it exists.
        if (await actingFor.SwitchAsync(HttpContext, companyId, ct) is not { } employer) return NotFound();
        JournalWriter.RecordOperation(db, WorkflowActors.From(User, companyId), companyId, "delegation.switch",
            $"{WorkflowActors.From(User).DisplayName} now acts for employer {employer.Name} ({employer.CodiceFiscale}).", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/intermediary");
    }
}
