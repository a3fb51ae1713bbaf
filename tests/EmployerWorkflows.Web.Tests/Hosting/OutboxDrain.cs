using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// Delivers the outbox and waits until nothing is left queued, so that a check that some email was NOT sent looks
/// at everything the host meant to send, not at a mailbox that is still filling.
/// </summary>
public static class OutboxDrain
{
    public static async Task AllDeliveredAsync(IServiceProvider services)
    {
        await services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        await Eventually.ReturnsAsync(async () =>
        {
            using var scope = services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>()
                .CountAsync(m => m.Status == OutboxStatus.Queued);
        }, queued => queued == 0, "every queued email delivered");
    }
}
