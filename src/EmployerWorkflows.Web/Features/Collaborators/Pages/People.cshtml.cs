using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Collaborators.Pages;

/// <summary>
/// Administrators and collaborators of a company: who holds which profile at which level, enabling a person (only the
/// profile × level combinations the matrix allows are offered), editing profiles, and what ends or changes privileges
/// (end of relationship, revocation, change of role, stolen credentials) through the same actions as the API.
/// Destructive actions are asked for twice: the first post shows what will follow, the second (confirmed) does it.
/// </summary>
[Authorize]
public sealed class PeopleModel(AppDbContext db, CompanyAccess access, EnableMember enable, MemberActions actions, TimeProvider clock,
    IConfiguration configuration, UserManager<AppUser> users, WhatHappensNext next) : PageModel
{
    public sealed record Person(Membership Member, AppUser User);

    /// <summary>One checkbox of the enabling form: a profile at the group level (unit null) or on one unit.</summary>
    public sealed record ProfileChoice(Profile Profile, Guid? UnitId, string Level)
    {
        public string Value => $"{Profile.Code}@{UnitId}";
    }

    /// <summary>A destructive action waiting for its confirmation: what it is, what will follow, and the values to post again.</summary>
    public sealed record Confirmation(string Handler, Person Person, string Title, string Consequence, string Button, IReadOnlyDictionary<string, string> Fields);

    public Company Company { get; private set; } = null!;
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<ProfileChoice> Choices { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public Confirmation? Confirm { get; private set; }
    /// <summary>The person whose profiles are being edited (<c>?edit=</c>), if any.</summary>
    public Person? Editing { get; private set; }
    public int RevocationDays => RevocationDeadline.Days(configuration);
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? edit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        Editing = People.FirstOrDefault(p => p.Member.Id == edit && p.Member.CanAct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, string? codiceFiscale, MembershipKind kind, RelationshipKind relationship,
        bool dataProcessingAuthorised, string[] profiles, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        var rights = (await access.ForAsync(User, id, ct))!;
        var input = new MemberInput(codiceFiscale?.Trim().ToUpperInvariant(), kind, relationship, dataProcessingAuthorised, Chosen(profiles));
        var outcome = await enable.HandleAsync(id, input, rights, WorkflowActors.From(User, id), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["codiceFiscale"] = [outcome.Message] };
            return Page();
        }
        Message = T($"{outcome.Value!.Name} è abilitato per {Company.Name}.", $"{outcome.Value!.Name} is enabled for {Company.Name}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostProfilesAsync(Guid id, Guid memberId, long expectedVersion, RelationshipKind relationship,
        bool dataProcessingAuthorised, string[] profiles, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        db.ChangeTracker.Clear();
        var outcome = await actions.UpdateProfilesAsync(id, memberId, new ProfilesUpdate(Chosen(profiles), relationship, dataProcessingAuthorised, expectedVersion),
            WorkflowActors.From(User, id), ct);
        if (!outcome.Succeeded) return await RefusedAsync(id, outcome, "profiles", memberId, editing: true, ct);
        var shown = string.Join(", ", outcome.Value!.Member.Profiles.Select(p => $"{Profiles.Find(p.Profile)?.Name ?? p.Profile} ({LevelName(p.UnitId)})"));
        Message = T($"Profili di {outcome.Value.Member.Name} aggiornati: {shown}. Valgono da subito.",
            $"Profiles of {outcome.Value.Member.Name} updated: {shown}. They apply at once.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid memberId, DateOnly? endedOn, bool confirmed, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (People.FirstOrDefault(p => p.Member.Id == memberId) is not { } person) return NotFound();
        if (!confirmed)
        {
            var errors = actions.CheckEndOfRelationship(person.Member, endedOn);
            if (errors.Any) return await RefusedAsync(id, Outcome<MemberChange>.Invalid(errors), "endedOn", memberId, editing: false, ct);
            var deadline = RevocationDeadline.For(endedOn!.Value, configuration);
            Confirm = new Confirmation("End", person,
                T($"Confermi la fine del rapporto di {person.User.DisplayName} il {endedOn:dd/MM/yyyy}?", $"Confirm the end of {person.User.DisplayName}'s relationship on {endedOn:dd/MM/yyyy}?"),
                T($"I privilegi andranno revocati entro il {deadline.LastDay:dd/MM/yyyy} ({RevocationDays} giorni). Gli amministratori riceveranno un promemoria al giorno; se la revoca non arriva, l'utenza sarà sospesa d'ufficio e l'agenzia informata.",
                    $"The privileges must then be revoked by {deadline.LastDay:dd/MM/yyyy} ({RevocationDays} days). Administrators get a daily reminder; without the revocation the account is suspended automatically and the agency informed."),
                T("Conferma: registra la fine del rapporto", "Confirm: record the end of the relationship"),
                new Dictionary<string, string> { ["endedOn"] = endedOn.Value.ToString("yyyy-MM-dd") });
            return Page();
        }
        var outcome = await RunAsync(() => actions.EndRelationshipAsync(id, memberId, endedOn, WorkflowActors.From(User, id), ct));
        if (!outcome.Succeeded) return await RefusedAsync(id, outcome, "endedOn", memberId, editing: false, ct);
        var last = outcome.Value!.Deadline!.LastDay;
        Message = T($"Fine del rapporto di {person.User.DisplayName} registrata: i privilegi vanno revocati entro il {last:dd/MM/yyyy}. ",
                      $"End of {person.User.DisplayName}'s relationship recorded: the privileges must be revoked by {last:dd/MM/yyyy}. ")
                  + await next.DescribeAsync(outcome.Value.Procedure!.InstanceId, CurrentUserId, ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid memberId, bool confirmed, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (People.FirstOrDefault(p => p.Member.Id == memberId) is not { } person) return NotFound();
        if (!confirmed)
        {
            Confirm = new Confirmation("Revoke", person,
                T($"Confermi la revoca di tutti i privilegi di {person.User.DisplayName}?", $"Confirm revoking every privilege of {person.User.DisplayName}?"),
                T($"{person.User.DisplayName} perderà subito tutti i profili e non potrà più agire per {Company.Name}. Per riabilitarlo servirà una nuova abilitazione.",
                    $"{person.User.DisplayName} loses every profile at once and can no longer act for {Company.Name}. Enabling them again takes a new enabling."),
                T("Conferma: revoca i privilegi", "Confirm: revoke the privileges"), new Dictionary<string, string>());
            return Page();
        }
        var outcome = await RunAsync(() => actions.RevokeAsync(id, memberId, WorkflowActors.From(User, id), ct));
        if (!outcome.Succeeded) return await RefusedAsync(id, outcome, "revoke", memberId, editing: false, ct);
        Message = T($"Privilegi di {person.User.DisplayName} revocati: da ora non può più agire per {Company.Name}.",
            $"Privileges of {person.User.DisplayName} revoked: from now on they can no longer act for {Company.Name}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStolenAsync(Guid id, Guid memberId, bool confirmed, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (People.FirstOrDefault(p => p.Member.Id == memberId) is not { } person) return NotFound();
        var administrator = person.Member.Kind == MembershipKind.Administrator;
        if (!confirmed)
        {
            Confirm = new Confirmation("Stolen", person,
                T($"Confermi che le credenziali di {person.User.DisplayName} sono state rubate?", $"Confirm that {person.User.DisplayName}'s credentials were stolen?"),
                administrator
                    ? T("L'amministratore sarà sospeso subito e l'agenzia esaminerà il caso: solo l'agenzia potrà riattivarlo.",
                        "The administrator is suspended at once and the agency reviews the case: only the agency can reinstate them.")
                    : T("Il collaboratore perderà subito tutti i privilegi.", "The collaborator loses every privilege at once."),
                T("Conferma: segnala le credenziali rubate", "Confirm: report the stolen credentials"), new Dictionary<string, string>());
            return Page();
        }
        var me = (await users.GetUserAsync(User))!;
        var outcome = await RunAsync(() => actions.ReportStolenCredentialsAsync(id, memberId, me, WorkflowActors.From(User, id), ct));
        if (!outcome.Succeeded) return await RefusedAsync(id, outcome, "stolen", memberId, editing: false, ct);
        Message = outcome.Value!.Procedure is { } started
            ? T($"{person.User.DisplayName} è sospeso. ", $"{person.User.DisplayName} is suspended. ") + await next.DescribeAsync(started.InstanceId, CurrentUserId, ct)
            : T($"Credenziali di {person.User.DisplayName} segnalate come rubate: tutti i suoi privilegi sono stati revocati subito.",
                $"Credentials of {person.User.DisplayName} reported stolen: all their privileges were revoked at once.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid id, Guid memberId, string? description, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        if (People.FirstOrDefault(p => p.Member.Id == memberId) is not { } person) return NotFound();
        var me = (await users.GetUserAsync(User))!;
        var outcome = await RunAsync(() => actions.ChangeRoleAsync(id, memberId, description, me, WorkflowActors.From(User, id), ct));
        if (!outcome.Succeeded) return await RefusedAsync(id, outcome, "description", memberId, editing: false, ct);
        Message = T($"Cambio di ruolo di {person.User.DisplayName} registrato. ", $"Change of role of {person.User.DisplayName} recorded. ")
                  + await next.DescribeAsync(outcome.Value!.Procedure!.InstanceId, CurrentUserId, ct);
        return RedirectToPage(new { id });
    }

    public string LevelName(Guid? unitId) =>
        unitId is null ? T("gruppo", "group") : Company.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? "?";

    public RevocationDeadline Deadline(DateOnly endedOn) => RevocationDeadline.For(endedOn, configuration);

    public int DaysLeft(DateOnly endedOn) => Deadline(endedOn).DaysLeft(clock.GetUtcNow());

    /// <summary>The error key of a field in one person's row: rows repeat the same fields.</summary>
    public static string Key(string field, Guid memberId) => $"{field}-{memberId}";

    private string? CurrentUserId => users.GetUserId(User);

    /// <summary>A step the engine refuses (someone acted first, the procedure moved on) is shown like any other refusal.</summary>
    private static async Task<Outcome<MemberChange>> RunAsync(Func<Task<Outcome<MemberChange>>> action)
    {
        try
        {
            return await action();
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refused)
        {
            return Outcome<MemberChange>.Refused(refused.Text, refused.Text, refused.StatusCode);
        }
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Outcome<MemberChange> outcome, string field, Guid memberId, bool editing, CancellationToken ct)
    {
        if (outcome.Missing) return NotFound();
        Errors = outcome.Errors?.ToDictionary().ToDictionary(e => Key(e.Key.StartsWith("profiles") ? e.Key : field, memberId), e => e.Value)
                 ?? new Dictionary<string, string[]> { [Key(field, memberId)] = [outcome.Message] };
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (editing) Editing = People.FirstOrDefault(p => p.Member.Id == memberId);
        return Page();
    }

    private static List<ProfileInput> Chosen(string[] profiles) => profiles.Select(Parse).OfType<ProfileInput>().ToList();

    private static ProfileInput? Parse(string value)
    {
        var parts = value.Split('@');
        if (parts.Length != 2) return null;
        return new ProfileInput(parts[0], Guid.TryParse(parts[1], out var unit) ? unit : null);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var rights = await access.ForAsync(User, id, ct);
        if (rights is null) return NotFound();
        if (!rights.CanManage) return Forbid();
        Company = await db.Set<Company>().AsNoTracking().Include(c => c.Units).SingleAsync(c => c.Id == id, ct);
        People = (await db.Set<Membership>().AsNoTracking().Include(m => m.Profiles).Where(m => m.CompanyId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Person(m, u)).ToListAsync(ct))
            .OrderBy(p => p.Member.Kind).ThenBy(p => p.User.LastName).ToList();
        // Offer only what the matrix allows at each level for this company; the rest is checked again on save.
        var sample = new Membership { Kind = MembershipKind.Collaborator, DataProcessingAuthorised = true };
        Choices = Profiles.All
            .SelectMany(p => new[] { new ProfileChoice(p, null, T("Gruppo (tutta l'azienda)", "Group (whole company)")) }
                .Concat(Company.Units.Select(u => new ProfileChoice(p, u.Id, u.Name))))
            .Where(c => ProfileRules.Check(c.Profile.Code, c.UnitId, Company, sample) is null)
            .ToList();
        return null;
    }
}
