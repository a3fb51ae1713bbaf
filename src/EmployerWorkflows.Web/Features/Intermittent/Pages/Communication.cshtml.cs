using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

/// <summary>
/// The communication editor (seed 003 §3.1): employer section (read-only for a company, editable for a consultant),
/// the calls with edit, delete and "same worker" actions, the CO codes found when a call is saved, and sending with
/// confirmation. A sent communication is shown read-only with its receipt.
/// </summary>
[Authorize]
public sealed class CommunicationModel(CallCommunications communications, CallSending sending) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Line being edited, or the worker to pre-fill a new line with.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Worker { get; set; }
    public CommunicationView? Communication { get; private set; }
    public LineSaved? Saved { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public CallLineInput Posted { get; private set; } = new(null, null, null, null);

    private string Me => User.UserId() ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLineAsync(Guid? lineId, string? workerCf, string? startDate, string? endDate, string? coCode, long version, CancellationToken ct)
    {
        Posted = new CallLineInput(workerCf, startDate, endDate, coCode);
        var outcome = await communications.SaveLineAsync(Me, Id, lineId, Posted, version, ct);
        if (outcome.Succeeded)
        {
            Saved = outcome.Value;
            Posted = new CallLineInput(null, null, null, null);
        }
        else Errors = PageErrors.Of(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteLineAsync(Guid lineId, long version, CancellationToken ct)
    {
        var outcome = await communications.DeleteLineAsync(Me, Id, lineId, version, ct);
        if (!outcome.Succeeded) Errors = PageErrors.Of(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEmployerAsync(string? employerCf, string? employerName, string? employerEmail, long version, CancellationToken ct)
    {
        var outcome = await communications.UpdateEmployerAsync(Me, Id, new EmployerInput(employerCf, employerName, employerEmail), version, ct);
        if (!outcome.Succeeded) Errors = PageErrors.Of(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendAsync(bool confirm, long version, CancellationToken ct)
    {
        var outcome = await sending.SendAsync(Me, WorkflowActors.From(User), Id, confirm, version, ct);
        if (outcome.Succeeded) return Redirect($"/intermittent/communications/{Id}?sent=true");
        Errors = PageErrors.Of(outcome);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await communications.GetAsync(Me, Id, ct);
        Communication = outcome.Value;
        if (Communication is not null && Edit is { } edit && Communication.Lines.SingleOrDefault(l => l.Id == edit) is { } line && Posted.WorkerCf is null)
            Posted = new CallLineInput(line.WorkerCf, line.StartDate.ToString("yyyy-MM-dd"), line.EndDate?.ToString("yyyy-MM-dd"), line.CoCode);
        else if (Worker is not null && Posted.WorkerCf is null)
            Posted = Posted with { WorkerCf = Worker };
        return outcome.Succeeded;
    }
}
