using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

/// <summary>Cancellation (seed 003 §3.2): the calls of the selected sent communications; only Attiva calls within the deadline can be ticked.</summary>
[Authorize]
public sealed class CancelModel(CallCancellations cancellations) : PageModel
{
    [BindProperty(SupportsGet = true)] public List<Guid> Ids { get; set; } = [];
    public IReadOnlyList<CancellableCall> Calls { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    private string Me => User.UserId() ?? "";

    public async Task OnGetAsync(CancellationToken ct) => Calls = await cancellations.CallsAsync(Me, Ids, ct);

    public async Task<IActionResult> OnPostAsync(List<Guid> callIds, CancellationToken ct)
    {
        var outcome = await cancellations.CancelAsync(Me, WorkflowActors.From(User), callIds, "web", ct);
        if (outcome.Succeeded) return Redirect($"/intermittent/communications/{outcome.Value!.Id}?sent=true");
        Errors = PageErrors.Of(outcome);
        Calls = await cancellations.CallsAsync(Me, Ids, ct);
        return Page();
    }
}
