using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

/// <summary>
/// «Gestione Intermittenti»: registration to the service until the help desk approves it, then the communications
/// with the TUTTE / INVIATE / BOZZE filter, receipts, drafts to complete or delete, and the selection for cancellation.
/// </summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, ServiceRegistrations registrations, CallCommunications communications) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }
    public IReadOnlyList<RegistrationView> Registrations { get; private set; } = [];
    public IReadOnlyList<RegistrationView> Approved => Registrations.Where(r => r.Status == RegistrationStatus.Approved).ToList();
    public IReadOnlyList<Company> AdministeredCompanies { get; private set; } = [];
    public IReadOnlyList<CommunicationSummary> Communications { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    private string Me => User.UserId() ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        var outcome = await registrations.RegisterAsync(User, Request.Form, ct);
        if (outcome.Succeeded) return RedirectToPage();
        Errors = PageErrors.Of(outcome);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNewAsync(Guid? registrationId, string? employerCf, string? employerName, string? employerEmail, CancellationToken ct)
    {
        var employer = employerCf is null && employerName is null && employerEmail is null ? null : new EmployerInput(employerCf, employerName, employerEmail);
        var outcome = await communications.CreateDraftAsync(Me, registrationId, employer, ct);
        if (outcome.Succeeded) return Redirect($"/intermittent/communications/{outcome.Value!.Id}");
        Errors = PageErrors.Of(outcome);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await communications.DeleteDraftAsync(Me, id, ct);
        if (outcome.Succeeded) return RedirectToPage(new { Filter });
        Errors = PageErrors.Of(outcome);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Registrations = await registrations.MineAsync(Me, ct);
        AdministeredCompanies = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == Me && m.Kind == MembershipKind.Administrator && m.Status == MembershipStatus.Active)
            .Join(db.Set<Company>().Where(c => c.Status == CompanyStatus.Active), m => m.CompanyId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.Name).ToListAsync(ct);
        var status = Filter switch { "inviate" => CommunicationStatus.Inviata, "bozze" => CommunicationStatus.Bozza, _ => (CommunicationStatus?)null };
        Communications = await communications.ListAsync(Me, status, ct);
    }
}
