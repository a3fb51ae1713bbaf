using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static EmployerWorkflows.Web.Localization.Lang;
using Cf = EmployerWorkflows.Web.Domain.Identifiers.CodiceFiscale;

namespace EmployerWorkflows.Web.Features.Staff.Pages;

/// <summary>
/// Agency staff accounts: an administrator creates reviewers, help desk, SECO desk, designers and operators, can
/// require them to sign in through the gateway, and disables them (they cannot sign in and their sessions end).
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class StaffModel(UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record StaffRow(string Id, string CodiceFiscale, string Name, string Roles, bool RequireGateway, DateTimeOffset? DisabledAt);

    [BindProperty] public string CodiceFiscale { get; set; } = "";
    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Role { get; set; } = "";
    [BindProperty] public bool RequireGateway { get; set; }
    [BindProperty] public string TemporaryPassword { get; set; } = "";

    public List<string> Errors { get; } = [];
    public string? Done { get; private set; }
    public List<StaffRow> Staff { get; } = [];

    public static string RoleName(string role) => role switch
    {
        Roles.AgencyReviewer => T("Revisore", "Reviewer"),
        Roles.HelpDesk => T("Help desk", "Help desk"),
        Roles.SecoDesk => T("Sportello SECO", "SECO desk"),
        Roles.ProcessDesigner => T("Progettista di procedimenti", "Process designer"),
        Roles.Operator => T("Operatore", "Operator"),
        Roles.Administrator => T("Amministratore", "Administrator"),
        _ => role,
    };

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Cf.Validate(CodiceFiscale) is { } cfError) Errors.Add(cfError.For(Code));
        if (string.IsNullOrWhiteSpace(FirstName) || string.IsNullOrWhiteSpace(LastName))
            Errors.Add(T("Inserisci nome e cognome.", "Enter the first and last name."));
        if (FirstName.Length > 100 || LastName.Length > 100)
            Errors.Add(T("Nome e cognome hanno al massimo 100 caratteri.", "First and last name have at most 100 characters."));
        if (!Roles.StaffRoles.Contains(Role))
            Errors.Add(T("Scegli il ruolo.", "Choose the role."));
        if (!RequireGateway && string.IsNullOrEmpty(TemporaryPassword))
            Errors.Add(T("Inserisci una password provvisoria, oppure richiedi l'accesso con identità digitale.",
                "Enter a temporary password, or require sign-in with a digital identity."));
        if (Errors.Count == 0)
        {
            var cf = Cf.Parse(CodiceFiscale).Value;
            if (await users.FindByNameAsync(cf) is { } existing)
            {
                // Someone who already signed in (e.g. through the gateway) becomes staff; their account is kept.
                var added = await users.AddToRoleAsync(existing, Role);
                if (!added.Succeeded) Errors.AddRange(added.Errors.Select(e => e.Description));
                else
                {
                    existing.RequireGateway |= RequireGateway;
                    await JournalAsync("staff.role-add", $"{cf} given role {Role}.", existing);
                }
            }
            else
            {
                var user = new AppUser
                {
                    UserName = cf, CodiceFiscale = cf, FirstName = FirstName.Trim(), LastName = LastName.Trim(),
                    Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), CreatedAt = clock.GetUtcNow(),
                    RequireGateway = RequireGateway, MustChangePassword = !RequireGateway,
                };
                var created = RequireGateway ? await users.CreateAsync(user) : await users.CreateAsync(user, TemporaryPassword);
                if (!created.Succeeded) Errors.AddRange(created.Errors.Select(e => e.Description));
                else
                {
                    await users.AddToRoleAsync(user, Role);
                    await JournalAsync("staff.create", $"Staff account {cf} created with role {Role}{(RequireGateway ? ", gateway only" : "")}.", user);
                }
            }
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        return RedirectToPage(new { done = "created" });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await ChangeAsync(id, async user =>
    {
        user.DisabledAt = clock.GetUtcNow();
        await users.UpdateSecurityStampAsync(user);
        return ("staff.disable", $"Staff account {user.CodiceFiscale} disabled.");
    });

    public async Task<IActionResult> OnPostEnableAsync(string id) => await ChangeAsync(id, user =>
    {
        user.DisabledAt = null;
        return Task.FromResult(("staff.enable", $"Staff account {user.CodiceFiscale} enabled again."));
    });

    public async Task<IActionResult> OnPostGatewayAsync(string id, bool require) => await ChangeAsync(id, async user =>
    {
        user.RequireGateway = require;
        if (require) await users.UpdateSecurityStampAsync(user);
        return ("staff.gateway", $"Staff account {user.CodiceFiscale} {(require ? "must" : "may no longer only")} sign in through the gateway.");
    });

    private async Task<IActionResult> ChangeAsync(string id, Func<AppUser, Task<(string Operation, string Summary)>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !(await users.GetRolesAsync(user)).Any(Roles.StaffRoles.Contains)) return NotFound();
        if (user.Id == User.UserId())
        {
            Errors.Add(T("Non puoi modificare il tuo account da questa pagina.", "You cannot change your own account from this page."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        var (operation, summary) = await change(user);
        await JournalAsync(operation, summary, user);
        return RedirectToPage(new { done = "changed" });
    }

    private async Task JournalAsync(string operation, string summary, AppUser user)
    {
        JournalWriter.RecordOperation(db, WorkflowActors.From(User), null, operation, summary, clock.GetUtcNow());
        await users.UpdateAsync(user);
    }

    private async Task LoadAsync()
    {
        Done = Request.Query["done"];
        var staffRoles = Roles.All.ToList();
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where staffRoles.Contains(r.Name!)
                          select new { u.Id, u.CodiceFiscale, u.FirstName, u.LastName, u.RequireGateway, u.DisabledAt, Role = r.Name! })
            .ToListAsync();
        Staff.AddRange(rows.GroupBy(r => r.Id)
            .Select(g => new StaffRow(g.Key, g.First().CodiceFiscale, $"{g.First().FirstName} {g.First().LastName}",
                string.Join(", ", g.Select(r => RoleName(r.Role)).Order()), g.First().RequireGateway, g.First().DisabledAt))
            .OrderBy(r => r.Name));
    }
}
