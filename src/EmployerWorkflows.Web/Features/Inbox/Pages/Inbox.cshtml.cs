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
public sealed class InboxModel(
    TaskInbox inbox, TaskCommands commands, SavedInboxFilters savedFilters, AppDbContext db, DefinitionStore definitions, TimeProvider clock)
    : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public InboxPage Results { get; private set; } = new([], null);
    public InboxCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public IReadOnlyList<SavedFilterCount> SavedFilters { get; private set; } = [];
    public Dictionary<Guid, Company> Companies { get; private set; } = [];
    public Dictionary<string, string> People { get; private set; } = [];
    /// <summary>Published procedures (id → title) for the filter; a small table, unlike the tasks.</summary>
    public IReadOnlyDictionary<string, string> Procedures { get; private set; } = new Dictionary<string, string>();
    public Dictionary<string, WorkflowDefinition> Definitions { get; } = [];
    /// <summary>States by procedure for the filter, by title.</summary>
    public IReadOnlyList<StateChoices> States { get; private set; } = [];
    /// <summary>The task roles the reader holds, for the role filter.</summary>
    public IReadOnlyList<string> MyRoles => TaskReaders.For(User).Roles.Order().ToList();
    public DateTimeOffset Now { get; private set; }
    /// <summary>Why the last post was refused (a 400), shown above the list; the filter stays as it was.</summary>
    public string? Refusal { get; private set; }
    [TempData] public string? Message { get; set; }

    public InboxQuery Query => new InboxQuery(Procedure, State, Role, Assignee, Due, Company, Sort).Known();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var reader = TaskReaders.For(User);
        // A cursor this inbox did not write (an edited link) starts again from the first page.
        var filter = Query.ToFilter(await savedFilters.CompanyIdsAsync(Company, ct), TaskInbox.IsCursor(After) ? After : null);
        Results = await inbox.PageAsync(reader, filter, PageSize, ct);
        Counts = await inbox.CountAsync(reader, ct);
        SavedFilters = await savedFilters.ListAsync(User, ct);
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

    /// <summary>Sets the follow-up day (today or later), or clears it when the field is left empty.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(Guid taskId, string? followUp, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(followUp))
        {
            if (!DateOnly.TryParseExact(followUp, "yyyy-MM-dd", out var day))
                return await RefusedAsync(T("Data di ricontrollo non valida: usa il formato gg/mm/aaaa.", "Invalid follow-up date: use dd/mm/yyyy."), ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToLocalTime().DateTime);
            if (day < today)
                return await RefusedAsync(T("La data di ricontrollo deve essere oggi o più avanti.", "The follow-up date must be today or later."), ct);
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local));
        }
        return await Done(commands.SetFollowUpAsync(taskId, at, User, ct),
            at is { } d ? T($"Ricontrollo fissato al {Date(d)}.", $"Follow-up set for {Date(d)}.") : T("Ricontrollo tolto.", "Follow-up cleared."));
    }

    public async Task<IActionResult> OnPostSaveFilterAsync(string? filterName, CancellationToken ct)
    {
        if (await savedFilters.SaveAsync(User, filterName, Query, ct) is { } refusal)
            return await RefusedAsync(T(refusal.It, refusal.En), ct);
        Message = T($"Filtro «{filterName!.Trim()}» salvato.", $"Filter “{filterName!.Trim()}” saved.");
        return RedirectToPage(Query.Values());
    }

    public async Task<IActionResult> OnPostDeleteFilterAsync(Guid filterId, CancellationToken ct)
    {
        Message = await savedFilters.DeleteAsync(User, filterId, ct)
            ? T("Filtro eliminato.", "Filter deleted.")
            : T("Filtro non trovato.", "Filter not found.");
        return RedirectToPage(Query.Values());
    }

    /// <summary>Bad input: the same page with the reason and a 400, the filter and the list as they were.</summary>
    private async Task<IActionResult> RefusedAsync(string reason, CancellationToken ct)
    {
        Refusal = reason;
        await OnGetAsync(ct);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> Done(Task<Domain.Identifiers.IdentifierError?> command, string success)
    {
        var error = await command;
        Message = error is { } e ? e.For(Code) : success;
        return RedirectToPage(Query.Values());
    }

    /// <summary>Query values of the current filter with one change, for links.</summary>
    public Dictionary<string, string?> With(string key, string? value)
    {
        var values = Query.Values();
        values[key] = value;
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary();
    }

    public string StateTitle(InboxTask task) =>
        Definitions.TryGetValue(task.DefinitionId, out var d) ? ProcedureMap.Title(d, task.State) : TriggerTitles.Humanise(task.State).For(Code);

    public string Urgency(InboxTask task) =>
        task.DueAt is not { } due ? "" : due < Now ? "overdue" : due < Now.AddDays(2) ? "due-soon" : "";

    public bool FollowUpReached(InboxTask task) => task.FollowUpAt is { } at && at <= Now;

    public static string RoleTitle(string role) => role switch
    {
        Roles.AgencyReviewer => T("Revisione agenzia", "Agency review"),
        Roles.HelpDesk => T("Help desk", "Help desk"),
        Roles.SecoDesk => T("Sportello SECO", "SECO desk"),
        _ => role,
    };
}
