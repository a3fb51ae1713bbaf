using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Collaborators.Pages;

/// <summary>
/// Administrators and collaborators of a company: who holds which profile at which level, enabling a person
/// (only the profile × level combinations the matrix allows are offered), and recording the end of a working
/// relationship, with the revocation deadline.
/// </summary>
[Authorize]
public sealed class PeopleModel(AppDbContext db, CompanyAccess access, EnableMember enable, MemberProcedures procedures, TimeProvider clock,
    IConfiguration configuration) : PageModel
{
    public sealed record Person(Membership Member, AppUser User);

    /// <summary>One checkbox of the enabling form: a profile at the group level (unit null) or on one unit.</summary>
    public sealed record ProfileChoice(Profile Profile, Guid? UnitId, string Level)
    {
        public string Value => $"{Profile.Code}@{UnitId}";
    }

    public Company Company { get; private set; } = null!;
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<ProfileChoice> Choices { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public int RevocationDays => configuration.GetValue("Agency:RevocationDays", 5);
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostEnableAsync(Guid id, string? codiceFiscale, MembershipKind kind, RelationshipKind relationship,
        bool dataProcessingAuthorised, string[] profiles, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        var rights = (await access.ForAsync(User, id, ct))!;
        var chosen = profiles.Select(Parse).OfType<ProfileInput>().ToList();
        var input = new MemberInput(codiceFiscale?.Trim().ToUpperInvariant(), kind, relationship, dataProcessingAuthorised, chosen);
        var outcome = PageOutcome.Read(await enable.HandleAsync(id, input, rights, WorkflowActors.From(User, id), ct));
        if (!outcome.Succeeded)
        {
            Errors = outcome.FieldErrors.Count > 0 ? outcome.FieldErrors : new Dictionary<string, string[]> { ["codiceFiscale"] = [outcome.Title ?? ""] };
            return Page();
        }
        Message = T("Persona abilitata.", "Person enabled.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid memberId, DateOnly? endedOn, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        db.ChangeTracker.Clear();
        PageOutcome outcome;
        try
        {
            outcome = PageOutcome.Read(await MembersApi.EndRelationshipAsync(id, memberId, new EndOfRelationship(endedOn), HttpContext, db, access,
                procedures, clock, ct));
        }
        catch (WorkflowException e) when (WorkflowProblems.Describe(e) is { } refused)
        {
            outcome = new PageOutcome(refused.StatusCode, null, refused.Fields, refused.Title, refused.Detail);
        }
        if (!outcome.Succeeded)
        {
            Errors = outcome.FieldErrors.ToDictionary(e => $"endedOn-{memberId}", e => e.Value);
            if (Errors.Count == 0) Errors[$"endedOn-{memberId}"] = [outcome.Title ?? ""];
            await LoadAsync(id, ct);
            return Page();
        }
        Message = T($"Fine del rapporto registrata: i privilegi vanno revocati entro {RevocationDays} giorni.",
            $"End of relationship recorded: privileges must be revoked within {RevocationDays} days.");
        return RedirectToPage(new { id });
    }

    public DateOnly Deadline(DateOnly endedOn) => endedOn.AddDays(RevocationDays);

    public int DaysLeft(DateOnly endedOn) => Deadline(endedOn).DayNumber - DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;

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

    public string LevelName(Guid? unitId) =>
        unitId is null ? T("gruppo", "group") : Company.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? "?";
}
