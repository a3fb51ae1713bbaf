using System.Security.Claims;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>An email of the instance and how its delivery went.</summary>
public sealed record EmailDelivery(Guid Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string? LastError);

/// <summary>Everything attached to one instance that an operator needs to judge and repair it.</summary>
/// <param name="Variables">The variables as indented JSON, secret-named fields masked.</param>
/// <param name="Journal">Newest first.</param>
public sealed record InstanceOverview(
    WorkflowInstance Instance, PublishedWorkflow Workflow, string? CompanyName, string Variables, IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<WorkflowTask> OpenTasks, IReadOnlyList<WorkflowTimer> PendingTimers, IReadOnlyList<EmailDelivery> Emails,
    IReadOnlyList<Incident> Incidents);

/// <summary>Loads one instance with its diagram source, journal, open tasks, pending timers, emails and incidents.</summary>
public sealed class InstanceLookup(AppDbContext db, DefinitionStore definitions, JournalReader journal, SecretMask mask)
{
    public const int JournalLength = 100;

    public async Task<InstanceOverview?> LoadAsync(Guid instanceId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return null;
        var workflow = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var company = instance.CompanyId is { } companyId
            ? await db.Set<Company>().AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Name).SingleOrDefaultAsync(ct)
            : null;
        var tasks = await db.Set<WorkflowTask>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var timers = await db.Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync(ct);
        var emails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.InstanceId == instanceId).OrderBy(m => m.CreatedAt)
            .Select(m => new EmailDelivery(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.LastError)).ToListAsync(ct);
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => i.InstanceId == instanceId).OrderByDescending(i => i.At).ToListAsync(ct);
        var entries = await journal.ForInstanceAsync(reader, instanceId, JournalLength, ct);
        return new InstanceOverview(instance, workflow, company, mask.Indented(instance.Variables), entries, tasks, timers, emails, incidents);
    }
}
