using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Notifications;

/// <summary>The emails the system sent (or is sending) to the logged-in person, newest first, with their status.</summary>
[Authorize]
public sealed class NotificationsModel(OutboxReader outbox) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<SentEmail> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Messages = await outbox.ForRecipientAsync(User.UserId(), Shown, ct);
}
