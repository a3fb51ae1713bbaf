using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Inbox.Pages;

[Authorize(Roles = $"{Roles.AgencyReviewer},{Roles.HelpDesk},{Roles.SecoDesk}")]
public sealed class InboxModel(TaskInbox inbox, TaskCommands commands, AppDbContext db, DefinitionStore definitions, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public InboxPage Results { get; private set; } = new([], null);
    public InboxCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public Dictionary<Guid, Company> Companies { get; private set; } = [];
    public Dictionary<string, string> People { get; private set; } = [];
    /// <summary>Published procedures (id → title) for the filter; a small table, unlike the tasks.</summary>
    public IReadOnlyDictionary<string, string> Procedures { get; private set; } = new Dictionary<string, string>();
    public Dictionary<string, WorkflowDefinition> Definitions { get; } = [];
    /// <summary>States by procedure for the filter, by title.</summary>
    public IReadOnlyList<StateChoices> States { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var reader = TaskReaders.For(User);
        // A cursor this inbox did not write (an edited link) starts again from the first page.
        var filter = new InboxFilter(Procedure, State, Assignee, Due, await CompanyIdsAsync(ct), Sort, TaskInbox.IsCursor(After) ? After : null);
        Results = await inbox.PageAsync(reader, filter, PageSize, ct);
        Counts = await inbox.CountAsync(reader, ct);
        var companyIds = Results.Tasks.Where(t => t.CompanyId != null).Select(t => t.CompanyId!.Value).Distinct().ToList();
        Companies = await db.Set<Company>().AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var people = Results.Tasks.Select(t => t.ClaimedByUserId).Where(id => id != null).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
        var stored = await definitions.ListAsync(cancellationToken: ct);
        Procedures = stored.Where(v => v.Status == DefinitionStatus.Published)
            .GroupBy(v => v.DefinitionId).ToDictionary(g => g.Key, g => IsEnglish ? g.Last().TitleEn : g.Last().TitleIt);
        States = await StateFilter.ChoicesAsync(definitions, stored, Procedure, ct);
        foreach (var id in Results.Tasks.Select(t => t.DefinitionId).Distinct())
            Definitions[id] = (await definitions.GetLatestAsync(id, ct)).Definition;
    }

    public Task<IActionResult> OnPostClaimAsync(Guid taskId, CancellationToken ct) =>
        Done(commands.ClaimAsync(taskId, User, ct), T("Attività presa in carico.", "Task taken."));

    public Task<IActionResult> OnPostReleaseAsync(Guid taskId, CancellationToken ct) =>
        Done(commands.ReleaseAsync(taskId, User, ct), T("Attività rilasciata.", "Task released."));

    public Task<IActionResult> OnPostAssignAsync(Guid taskId, string? colleague, CancellationToken ct) =>
        Done(commands.AssignAsync(taskId, colleague, User, ct), T("Attività assegnata.", "Task assigned."));

    /// <summary>The companies the company search matches, by codice fiscale or part of the name; null when not searching.</summary>
    private async Task<IReadOnlyCollection<Guid>?> CompanyIdsAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Company)) return null;
        var term = Company.Trim().ToUpperInvariant();
        return await db.Set<Company>().AsNoTracking().Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term))
            .Select(c => c.Id).ToListAsync(ct);
    }

    private async Task<IActionResult> Done(Task<Domain.Identifiers.IdentifierError?> command, string success)
    {
        var error = await command;
        Message = error is { } e ? e.For(Code) : success;
        return RedirectToPage(new { Procedure, State, Assignee, Due, Company, Sort });
    }

    /// <summary>Query values of the current filter with one change, for links.</summary>
    public Dictionary<string, string?> With(string key, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["procedure"] = Procedure, ["state"] = State, ["assignee"] = Assignee, ["due"] = Due, ["company"] = Company, ["sort"] = Sort,
        };
        values[key] = value;
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary();
    }

    public string StateTitle(InboxTask task) =>
        Definitions.TryGetValue(task.DefinitionId, out var d) ? ProcedureMap.Title(d, task.State) : TriggerTitles.Humanise(task.State).For(Code);

    public string Urgency(InboxTask task) =>
        task.DueAt is not { } due ? "" : due < Now ? "overdue" : due < Now.AddDays(2) ? "due-soon" : "";
}
