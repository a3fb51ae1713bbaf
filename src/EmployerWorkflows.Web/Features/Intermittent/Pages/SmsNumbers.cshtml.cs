using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Sms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

/// <summary>«Registra numeri cellulari» (seed 003 §4): only SMS sent from these numbers are valid.</summary>
[Authorize]
public sealed class SmsNumbersModel(SmsNumbers numbers) : PageModel
{
    public IReadOnlyList<SmsNumberView> Numbers { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    private string Me => User.UserId() ?? "";

    public async Task OnGetAsync(CancellationToken ct) => Numbers = await numbers.MineAsync(Me, ct);

    public async Task<IActionResult> OnPostAsync(string? number, CancellationToken ct)
    {
        var outcome = await numbers.RegisterAsync(Me, null, number, ct);
        if (outcome.Succeeded) return RedirectToPage();
        Errors = PageErrors.Of(outcome);
        Numbers = await numbers.MineAsync(Me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await numbers.RemoveAsync(Me, id, ct);
        return RedirectToPage();
    }
}
