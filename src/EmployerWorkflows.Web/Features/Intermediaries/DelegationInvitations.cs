using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermediaries;

public sealed record InvitationInput(string? IntermediaryCodiceFiscale, IReadOnlyList<string>? Scope, DateOnly? ExpiresOn);

public sealed record DelegationView(
    Guid Id, Guid CompanyId, string CompanyName, string IntermediaryName, string IntermediaryCodiceFiscale, string RegisterNumber,
    IReadOnlyList<string> Scope, DateOnly ExpiresOn, string Status, Guid? InstanceId, long Version);

/// <summary>
/// «Invita per…» (rule 19): an administrator of the employer invites a registered intermediary for some of the
/// employer's procedures until a day; the invitation is a procedure the intermediary answers. Revocation is one
/// update, so the next request through the delegation is refused.
/// </summary>
public sealed class DelegationInvitations(AppDbContext db, IWorkflowEngine engine, TimeProvider clock)
{
    public const string DefinitionId = "delegation-invitation";
    /// <summary>The longest a delegation may run before the employer renews it.</summary>
    public const int MaxYears = 3;

    public async Task<Outcome<DelegationView>> InviteAsync(ClaimsPrincipal user, Guid companyId, InvitationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors();
        Intermediary? intermediary = null;
        AppUser? person = null;
        if (CodiceFiscale.Validate(input.IntermediaryCodiceFiscale) is { } cfError)
            errors.Add("intermediaryCodiceFiscale", cfError);
        else
        {
            var cf = CodiceFiscale.Parse(input.IntermediaryCodiceFiscale).Value;
            person = await db.Users.SingleOrDefaultAsync(u => u.CodiceFiscale == cf, ct);
            intermediary = person is null ? null : await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.UserId == person.Id, ct);
            if (intermediary is null)
                errors.Add("intermediaryCodiceFiscale", "Nessun intermediario registrato con questo codice fiscale.",
                    "No intermediary is registered with this codice fiscale.");
        }
        var scope = (input.Scope ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct().ToList();
        if (scope.Count == 0)
            errors.Add("scope", "Scegli almeno una pratica per cui delegare.", "Choose at least one procedure to delegate.");
        else if (scope.FirstOrDefault(s => !DelegationScopes.IsKnown(s)) is { } unknown)
            errors.Add("scope", $"«{unknown}» non è una pratica delegabile.", $"«{unknown}» is not a procedure that can be delegated.");
        if (input.ExpiresOn is not { } expires)
            errors.Add("expiresOn", "Indica fino a quando vale la delega.", "Say until when the delegation holds.");
        else if (expires <= today)
            errors.Add("expiresOn", "La scadenza deve essere successiva a oggi.", "The expiry must be after today.");
        else if (expires > today.AddYears(MaxYears))
            errors.Add("expiresOn", $"Una delega vale al massimo {MaxYears} anni.", $"A delegation holds for at most {MaxYears} years.");
        if (errors.Any) return Outcome<DelegationView>.Invalid(errors);

        if (await db.Set<Delegation>().AnyAsync(d => d.CompanyId == companyId && d.IntermediaryId == intermediary!.Id
                && (d.Status == DelegationStatus.Invited || (d.Status == DelegationStatus.Active && d.ExpiresOn >= today)), ct))
            return Outcome<DelegationView>.Refused("Questo intermediario ha già una delega attiva o un invito in attesa: revocali prima di invitarlo di nuovo.",
                "This intermediary already holds an active delegation or a pending invitation: revoke it before inviting again.");

        var company = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == companyId, ct);
        var administrator = await db.Users.SingleAsync(u => u.Id == user.UserId(), ct);
        var delegation = new Delegation
        {
            CompanyId = companyId, IntermediaryId = intermediary!.Id, Scope = string.Join(' ', scope), ExpiresOn = input.ExpiresOn!.Value,
            InvitedByUserId = administrator.Id, InvitedAt = now,
        };
        var actor = WorkflowActors.From(user, companyId);
        var variables = new JsonObject
        {
            ["delegationId"] = delegation.Id.ToString(),
            ["company"] = new JsonObject { ["name"] = company.Name, ["codiceFiscale"] = company.CodiceFiscale },
            ["intermediary"] = CompanyRecipients.Of(person!),
            ["firm"] = new JsonObject { ["name"] = intermediary.Name, ["registerName"] = intermediary.RegisterName, ["registerNumber"] = intermediary.RegisterNumber },
            ["administrator"] = CompanyRecipients.Of(administrator),
            ["scopeIt"] = string.Join("; ", scope.Select(s => DelegationScopes.Title(s).It)),
            ["scopeEn"] = string.Join("; ", scope.Select(s => DelegationScopes.Title(s).En)),
            ["expiresOn"] = delegation.ExpiresOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(delegation);
        var started = await engine.StartAsync(db, new StartWorkflow(DefinitionId, null, variables, delegation.Id.ToString(), companyId, actor), ct);
        delegation.InstanceId = started.InstanceId;
        JournalWriter.RecordOperation(db, actor, companyId, "delegation.invite",
            $"{intermediary.Name} ({person!.CodiceFiscale}) invited to act for {company.CodiceFiscale} on {delegation.Scope} until {delegation.ExpiresOn:yyyy-MM-dd}.",
            now, started.InstanceId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<DelegationView>.Done(View(delegation, company, intermediary, person));
    }

    /// <summary>Ends a delegation at once, or withdraws an invitation not yet answered.</summary>
    public async Task<Outcome<DelegationView>> RevokeAsync(ClaimsPrincipal user, Guid companyId, Guid delegationId, CancellationToken ct)
    {
        var delegation = await db.Set<Delegation>().SingleOrDefaultAsync(d => d.Id == delegationId && d.CompanyId == companyId, ct);
        if (delegation is null) return Outcome<DelegationView>.NotFound();
        if (delegation.Status is not (DelegationStatus.Active or DelegationStatus.Invited))
            return Outcome<DelegationView>.Refused("Questa delega non è più in vigore.", "This delegation is no longer in force.");
        var now = clock.GetUtcNow();
        var wasInvited = delegation.Status == DelegationStatus.Invited;
        delegation.Status = DelegationStatus.Revoked;
        delegation.RevokedAt = now;
        delegation.RevokedByUserId = user.UserId();
        delegation.Version++;
        var actor = WorkflowActors.From(user, companyId);
        JournalWriter.RecordOperation(db, actor, companyId, "delegation.revoke",
            $"Delegation {delegation.Id} revoked{(wasInvited ? " before it was answered" : "")}.", now, delegation.InstanceId);
        await db.SaveChangesAsync(ct);
        // The invitation cannot be accepted once withdrawn: its task closes with the procedure.
        if (wasInvited && delegation.InstanceId is { } instanceId)
        {
            try { await engine.CancelAsync(instanceId, actor, "Invitation withdrawn by the employer.", ct); }
            catch (WorkflowNotRunningException) { /* answered meanwhile: the revocation above still holds */ }
        }
        return Outcome<DelegationView>.Done((await ListAsync(companyId, ct)).Single(d => d.Id == delegationId));
    }

    public async Task<IReadOnlyList<DelegationView>> ListAsync(Guid companyId, CancellationToken ct) =>
        (await Rows(db.Set<Delegation>().Where(d => d.CompanyId == companyId)).ToListAsync(ct))
        .Select(x => View(x.D, x.C, x.I, x.U)).OrderByDescending(v => v.ExpiresOn).ToList();

    /// <summary>The delegations a person holds or was offered as intermediary.</summary>
    public async Task<IReadOnlyList<DelegationView>> OfIntermediaryAsync(string userId, CancellationToken ct) =>
        (await Rows(db.Set<Delegation>().Where(d => db.Set<Intermediary>().Any(i => i.Id == d.IntermediaryId && i.UserId == userId))).ToListAsync(ct))
        .Select(x => View(x.D, x.C, x.I, x.U)).OrderBy(v => v.CompanyName).ToList();

    private IQueryable<Row> Rows(IQueryable<Delegation> delegations) => delegations.AsNoTracking()
        .Join(db.Set<Company>(), d => d.CompanyId, c => c.Id, (d, c) => new { d, c })
        .Join(db.Set<Intermediary>(), x => x.d.IntermediaryId, i => i.Id, (x, i) => new { x.d, x.c, i })
        .Join(db.Users, x => x.i.UserId, u => u.Id, (x, u) => new Row(x.d, x.c, x.i, u));

    private sealed record Row(Delegation D, Company C, Intermediary I, AppUser U);

    private DelegationView View(Delegation d, Company c, Intermediary i, AppUser u)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var status = d.Status == DelegationStatus.Active && d.ExpiresOn < today ? "Expired" : d.Status.ToString();
        return new DelegationView(d.Id, c.Id, c.Name, i.Name, u.CodiceFiscale, i.RegisterNumber, d.Procedures, d.ExpiresOn, status, d.InstanceId, d.Version);
    }
}
