using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermediaries;

/// <summary>
/// The engine asks this on every step a person takes on a company's procedure, whichever way it comes (task API,
/// task page, dedicated route), inside the step's transaction. Agency staff and the company's own active people act
/// as before. A person whose tie to the company is a delegation acts only while it is accepted, not revoked, not past
/// its last day and covering the procedure; each such step is journaled as "X for employer Y".
/// </summary>
public sealed class DelegationAdmission : IActorAdmission
{
    public async Task<LocalizedText?> RefusalAsync(DbContext db, WorkflowInstance instance, WorkflowActor actor, string trigger, DateTimeOffset now,
        bool record, CancellationToken cancellationToken)
    {
        // The invitation is how the tie begins: the invited person answers it before any delegation holds.
        if (instance.DefinitionId == DelegationInvitations.DefinitionId || actor.Roles.Overlaps(CompanyAccess.AgencyRoles))
            return null;
        var companyId = instance.CompanyId!.Value;
        var userId = actor.UserId;
        if (await db.Set<Membership>().AnyAsync(m => m.CompanyId == companyId && m.UserId == userId && m.Status == MembershipStatus.Active, cancellationToken))
            return null;
        var delegations = await db.Set<Delegation>().AsNoTracking()
            .Join(db.Set<Intermediary>().Where(i => i.UserId == userId), d => d.IntermediaryId, i => i.Id, (d, i) => new { d, i })
            .Where(x => x.d.CompanyId == companyId).ToListAsync(cancellationToken);
        // No tie through a delegation: the procedure's own assignments and guards decide, as for any other person.
        if (delegations.Count == 0) return null;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var holding = delegations.FirstOrDefault(x => x.d.HoldsOn(today) && x.d.Covers(instance.DefinitionId));
        if (holding is null) return Why(delegations.Select(x => x.d).ToList(), today, instance.DefinitionId);
        if (record)
        {
            var company = await db.Set<Company>().AsNoTracking().Where(c => c.Id == companyId)
                .Select(c => new { c.Name, c.CodiceFiscale }).SingleAsync(cancellationToken);
            JournalWriter.RecordOperation(db, actor, companyId, "delegation.act",
                $"{actor.DisplayName} ({holding.i.Name}, {holding.i.RegisterName} {holding.i.RegisterNumber}) for employer {company.Name} " +
                $"({company.CodiceFiscale}): {(trigger.Length == 0 ? "start" : trigger)} on {instance.DefinitionId}.", now, instance.Id);
        }
        return null;
    }

    private static LocalizedText Why(IReadOnlyList<Delegation> delegations, DateOnly today, string definitionId)
    {
        if (delegations.Any(d => d.HoldsOn(today)))
            return new($"La delega di questo datore di lavoro non comprende «{DelegationScopes.Title(definitionId).It}».",
                $"This employer's delegation does not cover «{DelegationScopes.Title(definitionId).En}».");
        if (delegations.Any(d => d.Status == DelegationStatus.Active))
            return new("La delega di questo datore di lavoro è scaduta.", "This employer's delegation has expired.");
        if (delegations.Any(d => d.Status == DelegationStatus.Revoked))
            return new("La delega di questo datore di lavoro è stata revocata.", "This employer's delegation has been revoked.");
        return new("Non hai una delega attiva di questo datore di lavoro.", "You hold no active delegation from this employer.");
    }
}
