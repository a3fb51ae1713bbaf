using System.Diagnostics.Metrics;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Runtime.Telemetry;

/// <summary>
/// Gauges read from the database when a collector asks (a Prometheus scrape, an OTLP export): the outbox backlog
/// and the open incidents are facts of the shared database, so every node reports the same numbers. The meter
/// comes from the host's <see cref="IMeterFactory"/>, so it lives and dies with the host that reads its database.
/// </summary>
public sealed class WorkflowGauges
{
    private readonly IWorkflowDbContextFactory _contexts;
    private readonly ILogger<WorkflowGauges> _logger;

    public WorkflowGauges(IMeterFactory meters, IWorkflowDbContextFactory contexts, ILogger<WorkflowGauges> logger)
    {
        _contexts = contexts;
        _logger = logger;
        var meter = meters.Create(WorkflowTelemetry.Name);
        meter.CreateObservableGauge("workflow.outbox.backlog", () => Count(db => db.Set<OutboxMessage>().Count(m => m.Status == OutboxStatus.Queued)),
            "{message}", "Emails waiting for delivery (queued, including those waiting for a retry).");
        meter.CreateObservableGauge("workflow.outbox.failed", () => Count(db => db.Set<OutboxMessage>().Count(m => m.Status == OutboxStatus.Failed)),
            "{message}", "Emails given up after their last attempt.");
        meter.CreateObservableGauge("workflow.incidents.open", () => Count(db => db.Set<Incident>().Count(i => i.ResolvedAt == null)),
            "{incident}", "Incidents not yet retried or cancelled.");
    }

    /// <summary>
    /// Collectors call gauges synchronously; a database that does not answer yields no value rather than
    /// failing the whole scrape.
    /// </summary>
    private IEnumerable<Measurement<long>> Count(Func<DbContext, int> query)
    {
        try
        {
            using var db = _contexts.CreateDbContext();
            return [new Measurement<long>(query(db))];
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            _logger.LogWarning(e, "A workflow gauge could not read the database.");
            return [];
        }
    }
}
