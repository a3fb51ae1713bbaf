using System.Security.Claims;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>Everything attached to one instance that an operator needs to judge and repair it.</summary>
/// <param name="Variables">The variables as indented JSON, secret-named fields masked.</param>
/// <param name="Journal">Newest first.</param>
public sealed record InstanceOverview(
    InstanceView Instance, PublishedWorkflow Workflow, string? CompanyName, string Variables, IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<InstanceTaskView> OpenTasks, IReadOnlyList<InstanceTimerView> PendingTimers, IReadOnlyList<EmailDelivery> Emails,
    IReadOnlyList<IncidentView> Incidents);

/// <summary>Loads one instance with its diagram source, journal, open tasks, pending timers, emails and incidents.</summary>
public sealed class InstanceLookup(InstanceMonitor monitor, AppDbContext db, DefinitionStore definitions, JournalReader journal, SecretMask mask)
{
    public const int JournalLength = 100;

    public async Task<InstanceOverview?> LoadAsync(Guid instanceId, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (await monitor.AttachmentsAsync(instanceId, ct: ct) is not { } found) return null;
        var instance = found.Instance;
        var workflow = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var company = instance.CompanyId is { } companyId
            ? await db.Set<Company>().AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Name).SingleOrDefaultAsync(ct)
            : null;
        var entries = await journal.ForInstanceAsync(reader, instanceId, JournalLength, ct);
        return new InstanceOverview(instance, workflow, company, mask.Indented(instance.Variables), entries, found.OpenTasks,
            found.PendingTimers, found.Emails, found.Incidents);
    }
}
