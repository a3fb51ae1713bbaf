using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Procedures.Pages;

/// <summary>One procedure as the company sees it: where it stands, what it must do now, by when, and what happened.</summary>
public sealed record ProcedureView(
    InstanceView Instance, WorkflowDefinition Definition, string? CompanyName, IReadOnlyList<Step> Steps,
    IReadOnlyList<InboxTask> MyTasks, IReadOnlyList<InboxTask> AgencyTasks, IReadOnlyList<JournalEntry> History);

/// <summary>«Le mie pratiche»: the procedures the person started and those of the companies they act for.</summary>
[Authorize]
public sealed class MyProceduresModel(AppDbContext db, CompanyAccess access, InstanceQueries instanceQueries, TaskInbox inbox, DefinitionStore definitions, JournalReader journal, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<ProcedureView> Procedures { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Submitted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Submitted = TempData["Submitted"] as string;
        var me = User.UserId()!;
        List<Guid> companies = CompanyAccess.IsAgency(User) ? [] : await access.VisibleCompanyIds(User).ToListAsync(ct);
        var instances = await instanceQueries.RecentAsync(me, companies, 50, ct);
        var tasks = await inbox.OpenOfInstancesAsync(instances.Select(i => i.Id).ToList(), ct);
        var reader = TaskReaders.For(User);
        var companyIds = instances.Select(i => i.CompanyId).OfType<Guid>().Distinct().ToList();
        var names = await db.Set<Company>().AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var views = new List<ProcedureView>();
        foreach (var instance in instances)
        {
            var definition = (await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
            var history = await journal.ForInstanceAsync(User, instance.Id, 100, ct);
            var open = tasks.Where(t => t.InstanceId == instance.Id).ToList();
            var mine = open.Where(reader.CanWork).ToList();
            views.Add(new ProcedureView(instance, definition, instance.CompanyId is { } c ? names.GetValueOrDefault(c) : null,
                ProcedureMap.Stepper(definition, instance.State, history), mine, open.Except(mine).ToList(), history));
        }
        Procedures = WaitingForMeFirst(views);
    }

    /// <summary>
    /// What waits for the person comes first, soonest deadline first (undated last); the rest keep their order,
    /// most recent first.
    /// </summary>
    public static IReadOnlyList<ProcedureView> WaitingForMeFirst(IReadOnlyList<ProcedureView> views) =>
        views.Where(v => v.MyTasks.Count > 0)
            .OrderBy(v => v.MyTasks.Min(t => t.DueAt ?? DateTimeOffset.MaxValue))
            .Concat(views.Where(v => v.MyTasks.Count == 0))
            .ToList();

    public int DaysLeft(DateTimeOffset due) => (int)Math.Ceiling((due - Now).TotalDays);
}
