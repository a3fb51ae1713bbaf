using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Companies.Pages;

/// <summary>
/// Company data (the codice fiscale shown, never editable) and organisational units, for administrators and
/// agency staff. Every change goes through the same service as the API.
/// </summary>
[Authorize]
public sealed class CompanyAdminModel(AppDbContext db, CompanyAccess access, CompanyAdministration administration) : PageModel
{
    public Company Company { get; private set; } = null!;
    public CompanyForm Form { get; private set; } = new();
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? UnitError { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        Form = CompanyForm.From(Company);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, long version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        Form = CompanyForm.From(Request.Form);
        Form.Values["codiceFiscale"] = Company.CodiceFiscale;
        db.ChangeTracker.Clear();
        var outcome = await administration.UpdateAsync(id, new CompanyUpdate(Form.ToInput(withCodiceFiscale: false), version), Actor(id), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["name"] = [outcome.Message] };
            return Page();
        }
        Message = T("Dati dell'azienda salvati.", "Company data saved.");
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostAddUnitAsync(Guid id, string? name, string? code, CancellationToken ct) =>
        UnitAsync(id, () => administration.AddUnitAsync(id, new UnitInput(name, code), Actor(id), ct), T("Unità aggiunta.", "Unit added."), ct);

    public Task<IActionResult> OnPostRenameUnitAsync(Guid id, Guid unitId, string? name, string? code, CancellationToken ct) =>
        UnitAsync(id, () => administration.RenameUnitAsync(id, unitId, new UnitInput(name, code), Actor(id), ct), T("Unità rinominata.", "Unit renamed."), ct);

    public Task<IActionResult> OnPostDeleteUnitAsync(Guid id, Guid unitId, CancellationToken ct) =>
        UnitAsync(id, () => administration.DeleteUnitAsync(id, unitId, Actor(id), ct), T("Unità eliminata.", "Unit deleted."), ct);

    private async Task<IActionResult> UnitAsync(Guid id, Func<Task<Outcome<UnitView>>> change, string success, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        db.ChangeTracker.Clear();
        var outcome = await change();
        if (!outcome.Succeeded)
        {
            UnitError = outcome.Errors?.ToDictionary().Values.SelectMany(m => m).FirstOrDefault() ?? outcome.Message;
            Form = CompanyForm.From(Company);
            return Page();
        }
        Message = success;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var rights = await access.ForAsync(User, id, ct);
        if (rights is null) return NotFound();
        if (!rights.CanManage) return Forbid();
        Company = await CompaniesApi.Load(db, id, ct);
        return null;
    }

    private WorkflowActor Actor(Guid companyId) => WorkflowActors.From(User, companyId);

    public Procedures.Forms.TextFieldView Text(string key, string label, bool required = false, bool readOnly = false, string type = "text") =>
        new(key, label, Form[key], Errors, Required: required, ReadOnly: readOnly, Type: type);
}
