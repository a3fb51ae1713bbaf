using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Procedures.Pages;

/// <summary>
/// Where an email's link lands: the reader's open task on that procedure when they have one; otherwise the place they
/// follow procedures from (the monitor for operators, the inbox for agency staff, their own procedures for companies).
/// Nothing of the procedure is shown here, so a link forwarded to someone else tells them nothing.
/// </summary>
[Authorize]
public sealed class OpenProcedureModel(TaskInbox inbox) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid instanceId, CancellationToken ct)
    {
        var reader = TaskReaders.For(User);
        var mine = (await inbox.ForInstanceAsync(instanceId, ct)).FirstOrDefault(t => t.IsOpen && reader.CanWork(t));
        if (mine is not null) return Redirect($"/tasks/{mine.Id}");
        if (User.IsInRole(Roles.Operator)) return Redirect($"/monitor/{instanceId}");
        return Redirect(Companies.CompanyAccess.IsAgency(User) ? "/inbox" : "/procedures");
    }
}
