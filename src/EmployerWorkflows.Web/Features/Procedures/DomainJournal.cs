using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// Records a domain operation (a company edit, a profile change, a suspension) in the audit trail, in the
/// caller's unit of work: the entry commits with the change or not at all (rule 44).
/// </summary>
public static class DomainJournal
{
    /// <param name="operation">What was done, as a stable name, e.g. <c>company.update</c>.</param>
    /// <param name="summary">What changed, readable; never secrets.</param>
    public static JournalEntry Record(DbContext db, WorkflowActor actor, Guid? companyId, string operation, string summary,
        DateTimeOffset now, Guid? instanceId = null) =>
        Journal.Record(db, new JournalEntry
        {
            At = now,
            Kind = JournalKind.Domain,
            InstanceId = instanceId,
            CompanyId = companyId,
            UserId = actor.UserId,
            CodiceFiscale = actor.CodiceFiscale,
            ActorName = actor.DisplayName,
            Trigger = operation,
            Summary = summary,
        });
}
