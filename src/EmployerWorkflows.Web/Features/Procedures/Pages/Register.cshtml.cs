using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Companies.Pages;
using EmployerWorkflows.Web.Features.Companies.Registration;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Procedures.Pages;

/// <summary>
/// Registering a company as a wizard: identity, office and contacts, legal representative, then a summary with
/// the optional chamber-of-commerce extract. Each step is checked by the same validator as the API before the
/// next one opens; values travel in the form, nothing is saved until the last step.
/// </summary>
[Authorize]
public sealed class RegisterModel(RegisterCompany register, UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : PageModel
{
    public static readonly string[][] StepFields =
    [
        ["codiceFiscale", "name", "types"],
        ["registeredOffice", "email", "phone", "pec"],
        ["legalRepresentative", "firstUnitName"],
        ["extract", "delegation"],
    ];

    public static readonly string[] Extract = ["pdf", "jpg", "png"];
    public const int ExtractMaxMb = 5;

    public int Step { get; private set; }
    public CompanyForm Form { get; private set; } = new();
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>A refusal that is not about a field, e.g. the procedure takes no new requests; what was typed stays.</summary>
    public Refusal? Refusal { get; private set; }

    /// <summary>On the last step: whether the person sending is the declared legal representative or a delegate (rule 33).</summary>
    public string SubmittedBy { get; private set; } = SubmitterRole.LegalRepresentative;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(int step, string? go, CancellationToken ct)
    {
        Form = CompanyForm.From(Request.Form);
        Step = Math.Clamp(step, 0, StepFields.Length - 1);
        if (go == "back")
        {
            Step = Math.Max(0, Step - 1);
            return Page();
        }
        var errors = CompanyInputValidator.Validate(Form.ToInput(withCodiceFiscale: true), registration: true).ToDictionary();
        Errors = errors.Where(e => StepFields[Step].Any(prefix => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(e => e.Key, e => e.Value);
        if (Errors.Count > 0) return Page();
        if (Step < StepFields.Length - 1)
        {
            Step++;
            if (Step == StepFields.Length - 1) await RecogniseSubmitterAsync();
            return Page();
        }
        await RecogniseSubmitterAsync();
        return await SubmitAsync(ct);
    }

    private async Task<IActionResult> SubmitAsync(CancellationToken ct)
    {
        var extract = Request.Form.Files.GetFile("extract");
        byte[]? content = null;
        string? contentType = null;
        if (extract is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await extract.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            contentType = UploadCheck.Recognise(content, Extract);
            if (extract.Length > ExtractMaxMb * 1024L * 1024L || contentType is null)
            {
                Errors = new Dictionary<string, string[]>
                {
                    ["extract"] = [T($"Formato non accettato: carica un file PDF, JPG o PNG di al massimo {ExtractMaxMb} MB.",
                        $"Format not accepted: upload a PDF, JPG or PNG file of at most {ExtractMaxMb} MB.")],
                };
                return Page();
            }
        }
        var user = (await users.GetUserAsync(User))!;
        var actor = WorkflowActors.From(User);
        Outcome<RegistrationView> outcome;
        try
        {
            outcome = await register.HandleAsync(new RegistrationRequest(Form.ToInput(withCodiceFiscale: true), Form["firstUnitName"]),
                await DelegationAsync(ct), user, actor, ct);
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refusal)
        {
            // Any refusal but field errors is shown on this step, with the data kept.
            Refusal = refusal;
            return Page();
        }
        if (outcome.Value is not { } view)
        {
            // Field errors lead back to the first step, except the delegation's, which belongs to this one.
            Errors = outcome.Errors!.ToDictionary();
            if (Errors.Keys.Any(k => k != SubmitterRole.DocumentName)) Step = 0;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (content is not null)
        {
            InstanceDocuments.Store(db, view.InstanceId, view.CompanyId, "chamberExtract", Path.GetFileName(extract!.FileName), contentType!,
                content, actor.UserId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        TempData["Submitted"] = view.NextStep;
        return Redirect($"/procedures?submitted={view.InstanceId}");
    }

    private async Task RecogniseSubmitterAsync()
    {
        var user = await users.GetUserAsync(User);
        SubmittedBy = user is null ? SubmitterRole.Delegate : SubmitterRole.Of(user, Form.ToInput(withCodiceFiscale: true));
    }

    private async Task<DelegationUpload?> DelegationAsync(CancellationToken ct)
    {
        if (Request.Form.Files.GetFile(SubmitterRole.DocumentName) is not { Length: > 0 } file) return null;
        if (file.Length > SubmitterRole.MaxMb * 1024L * 1024L) return new DelegationUpload(file.FileName, [0]);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new DelegationUpload(file.FileName, buffer.ToArray());
    }

    public TextFieldView Text(string key, string label, string? hint = null, bool required = false, string type = "text") =>
        new(key, label, Form[key], Errors, hint, required, Type: type);

    public bool IsOnStep(string key) => StepFields[Step].Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
