using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Notifications;

/// <summary>The emails the system sent (or is sending) to the logged-in person, newest first, with their status.</summary>
[Authorize]
public sealed class NotificationsModel(AppDbContext db) : PageModel
{
    public sealed record Sent(Guid Id, string Subject, string To, OutboxStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        int Attempts, string TextBody);

    public IReadOnlyList<Sent> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RecipientUserId == me)
            .OrderByDescending(m => m.CreatedAt).Take(100)
            .Select(m => new Sent(m.Id, m.Subject, m.To, m.Status, m.CreatedAt, m.SentAt, m.Attempts, m.TextBody)).ToListAsync(ct);
    }
}
