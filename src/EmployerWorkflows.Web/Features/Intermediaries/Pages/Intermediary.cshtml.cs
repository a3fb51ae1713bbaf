using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Intermediaries.Pages;

/// <summary>
/// «Intermediario»: a person registers as labour consultant, association… with their register number, sees the
/// employers that delegated them (and for what, until when) and answers the invitations waiting for them.
/// </summary>
[Authorize]
public sealed class IntermediaryModel(IntermediaryRegistration registration, DelegationInvitations invitations, TaskInbox inbox) : PageModel
{
    public IntermediaryView? Me { get; private set; }
    public IReadOnlyList<DelegationView> Delegations { get; private set; } = [];
    /// <summary>Open invitation task per delegation, to answer it.</summary>
    public IReadOnlyDictionary<Guid, Guid> AnswerTasks { get; private set; } = new Dictionary<Guid, Guid>();
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public Dictionary<string, string?> Form { get; private set; } = [];
    public string? Message { get; private set; }

    public static IEnumerable<CompanyType> Types => CompanyTypes.All.Where(t => t.ActsForEmployers);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(ct);
        if (Me is not null)
            Form = new() { ["type"] = Me.Type, ["name"] = Me.Name, ["registerName"] = Me.RegisterName, ["registerNumber"] = Me.RegisterNumber };
    }

    public async Task<IActionResult> OnPostAsync(string? type, string? name, string? registerName, string? registerNumber, CancellationToken ct)
    {
        var outcome = await registration.RegisterAsync(User, new IntermediaryInput(type, name, registerName, registerNumber), ct);
        if (!outcome.Succeeded)
        {
            Form = new() { ["type"] = type, ["name"] = name, ["registerName"] = registerName, ["registerNumber"] = registerNumber };
            Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [""] = [outcome.Message] };
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = T("Dati dell'intermediario salvati.", "Intermediary details saved.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId()!;
        Me = await registration.MineAsync(me, ct);
        Delegations = await invitations.OfIntermediaryAsync(me, ct);
        var pending = Delegations.Where(d => d.Status == nameof(DelegationStatus.Invited) && d.InstanceId is not null).ToList();
        var tasks = await inbox.OpenOfInstancesAsync(pending.Select(d => d.InstanceId!.Value).ToList(), ct);
        AnswerTasks = pending.Select(d => (d.Id, Task: tasks.FirstOrDefault(t => t.InstanceId == d.InstanceId && t.AssigneeUserId == me)))
            .Where(x => x.Task is not null).ToDictionary(x => x.Id, x => x.Task!.Id);
    }

    public TextFieldView Text(string key, string label) => new(key, label, Form.GetValueOrDefault(key), Errors, Required: true);

    public static string StatusText(string status) => status switch
    {
        "Invited" => T("Da accettare", "To be answered"),
        "Active" => T("In vigore", "In force"),
        "Refused" => T("Rifiutata", "Refused"),
        "Revoked" => T("Revocata", "Revoked"),
        "Lapsed" => T("Invito scaduto", "Invitation lapsed"),
        "Expired" => T("Scaduta", "Expired"),
        _ => status,
    };
}
