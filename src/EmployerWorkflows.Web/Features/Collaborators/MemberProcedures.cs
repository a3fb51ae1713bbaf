using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// What happens to a person's privileges over time: the end of their relationship (revocation within the
/// deadline, rule 39), a change of role (review), stolen credentials (rule 43). Each change and the procedure it
/// starts commit together.
/// </summary>
public sealed class MemberProcedures(AppDbContext db, InstanceQueries instances, IWorkflowEngine engine, TimeProvider clock, IConfiguration configuration)
{
    public const string Revocation = "collaborator-revocation";
    public const string RoleReview = "collaborator-role-review";
    public const string StolenCredentials = "stolen-credentials";

    public async Task<WorkflowResult> RecordEndOfRelationshipAsync(Company company, Membership member, AppUser person, DateOnly endedOn,
        WorkflowActor actor, CancellationToken ct)
    {
        var deadline = RevocationDeadline.For(endedOn, configuration);
        member.RelationshipEndedOn = endedOn;
        member.Version++;
        JournalWriter.RecordOperation(db, actor, company.Id, "collaborator.end-relationship",
            $"Relationship of {person.CodiceFiscale} ended on {endedOn:yyyy-MM-dd}; privileges to revoke by {deadline.LastDay:yyyy-MM-dd}.", clock.GetUtcNow());
        // The emails name the last day, formatted as the page shows it; the timer fires once that day is over.
        return await engine.StartAsync(db, new StartWorkflow(Revocation, null, await VariablesAsync(company, member, person, new JsonObject
        {
            ["endedOn"] = endedOn.ToString("dd/MM/yyyy"),
            ["revokeBy"] = deadline.LastDay.ToString("dd/MM/yyyy"),
            ["deadline"] = deadline.FiresAt.ToString("O"),
        }, ct), member.Id.ToString(), company.Id, actor), ct);
    }

    /// <summary>Removes every privilege at once (also for stolen collaborator credentials) and closes a pending revocation.</summary>
    public async Task RevokeAsync(Company company, Membership member, AppUser person, string why, WorkflowActor actor, CancellationToken ct)
    {
        member.Status = MembershipStatus.Revoked;
        member.EndedAt = clock.GetUtcNow();
        member.Profiles.Clear();
        member.Version++;
        JournalWriter.RecordOperation(db, actor, company.Id, "collaborator.revoke", $"Privileges of {person.CodiceFiscale} revoked: {why}.", clock.GetUtcNow());
        var pending = await instances.RunningAsync(Revocation, member.Id.ToString(), ct);
        if (pending is not null)
            await engine.FireAsync(db, new FireTrigger(pending.Id, CollaboratorRevocationTriggers.Revoked, actor), ct);
        else
            await db.SaveChangesAsync(ct);
    }

    public async Task<WorkflowResult> RecordRoleChangeAsync(Company company, Membership member, AppUser person, AppUser recordedBy,
        string description, WorkflowActor actor, CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, actor, company.Id, "collaborator.role-change", $"{person.CodiceFiscale} changed role: {description}", clock.GetUtcNow());
        return await engine.StartAsync(db, new StartWorkflow(RoleReview, null, await VariablesAsync(company, member, person, new JsonObject
        {
            ["recordedBy"] = CompanyRecipients.Of(recordedBy),
            ["description"] = description,
        }, ct), member.Id.ToString(), company.Id, actor), ct);
    }

    /// <summary>An administrator's credentials were stolen: suspended now, the agency reviews (rule 43).</summary>
    public async Task<WorkflowResult> SuspendForStolenCredentialsAsync(Company company, Membership member, AppUser person, AppUser reporter,
        WorkflowActor actor, CancellationToken ct)
    {
        member.Status = MembershipStatus.Suspended;
        member.SuspensionReason = "Credentials reported stolen";
        member.Version++;
        JournalWriter.RecordOperation(db, actor, company.Id, "administrator.stolen-credentials",
            $"Credentials of administrator {person.CodiceFiscale} reported stolen; account suspended at once.", clock.GetUtcNow());
        return await engine.StartAsync(db, new StartWorkflow(StolenCredentials, null, await VariablesAsync(company, member, person, new JsonObject
        {
            ["reporter"] = CompanyRecipients.Of(reporter),
        }, ct), member.Id.ToString(), company.Id, actor), ct);
    }

    private async Task<JsonObject> VariablesAsync(Company company, Membership member, AppUser person, JsonObject extra, CancellationToken ct)
    {
        var variables = new JsonObject
        {
            ["companyId"] = company.Id.ToString(),
            ["company"] = new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = company.CodiceFiscale },
            ["member"] = new JsonObject
            {
                ["membershipId"] = member.Id.ToString(), ["name"] = person.DisplayName, ["codiceFiscale"] = person.CodiceFiscale,
            },
            ["administrators"] = await CompanyRecipients.AdministratorsAsync(db, company.Id, ct),
            ["agency"] = CompanyRecipients.Agency(configuration),
        };
        foreach (var (key, value) in extra) variables[key] = value?.DeepClone();
        return variables;
    }
}
