using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Intermediaries.Pages;

/// <summary>«Invita per…»: the company's administrators delegate intermediaries for some procedures until a day, and revoke them.</summary>
[Authorize]
public sealed class DelegationsModel(AppDbContext db, CompanyAccess access, DelegationInvitations invitations, TimeProvider clock) : PageModel
{
    /// <summary>The earliest expiry the date picker offers.</summary>
    public string Tomorrow => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Company Company { get; private set; } = null!;
    public IReadOnlyList<DelegationView> Delegations { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? IntermediaryCf { get; private set; }
    public IReadOnlyList<string> Scope { get; private set; } = [];
    public string? ExpiresOn { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, string? intermediaryCodiceFiscale, string[]? scope, string? expiresOn, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        (IntermediaryCf, Scope, ExpiresOn) = (intermediaryCodiceFiscale, scope ?? [], expiresOn);
        DateOnly? day = DateOnly.TryParseExact(expiresOn, "yyyy-MM-dd", out var parsed) ? parsed : null;
        var outcome = await invitations.InviteAsync(User, id, new InvitationInput(intermediaryCodiceFiscale, scope, day), ct);
        if (!outcome.Succeeded)
        {
            db.ChangeTracker.Clear();
            Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [""] = [outcome.Message] };
            Response.StatusCode = outcome.Errors is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = T($"Invito inviato a {outcome.Value!.IntermediaryName}.", $"Invitation sent to {outcome.Value!.IntermediaryName}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid delegationId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var outcome = await invitations.RevokeAsync(User, id, delegationId, ct);
        if (!outcome.Succeeded && outcome.Missing) return NotFound();
        TempData["Message"] = outcome.Succeeded ? T("Delega revocata.", "Delegation revoked.") : outcome.Message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var rights = await access.ForAsync(User, id, ct);
        if (rights is null) return NotFound();
        if (!rights.CanManage) return Forbid();
        Company = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == id, ct);
        Delegations = await invitations.ListAsync(id, ct);
        return null;
    }

    public TextFieldView CfField => new("intermediaryCodiceFiscale", T("Codice fiscale dell'intermediario", "Intermediary's codice fiscale"), IntermediaryCf, Errors,
        Hint: T("La persona deve essersi registrata come intermediario.", "The person must have registered as intermediary."), Required: true);
}
