using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom.Pages;

/// <summary>One SECO procedure of a UID with its open steps and files.</summary>
public sealed record UidProcedure(InstanceView Instance, string Title, string StateTitle, IReadOnlyList<InboxTask> OpenSteps,
    IReadOnlyList<DocumentInfo> Documents);

/// <summary>
/// Everything about one UID: the register's address, the Job-Room accounts, the procura and the write-rights
/// renewals with their states, deadlines, files and open steps. The SECO desk sees every UID; a company person only a
/// UID they hold an account or request for, and of its accounts only their own unless they are its main
/// administrator. Anyone else gets 404, as if the UID did not exist.
/// </summary>
[Authorize]
public sealed class UidModel(AppDbContext db, IUidRegister register, JobRoomAccess access, InstanceQueries instances, TaskInbox inbox,
    DefinitionStore definitions) : PageModel
{
    public UidRegisterRecord Company { get; private set; } = null!;
    public IReadOnlyList<JobRoomAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<UidProcedure> Procedures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string uid, CancellationToken ct)
    {
        if (SwissUid.Validate(uid) is not null || await register.FindAsync(SwissUid.Parse(uid), ct) is not { } company)
            return NotFound();
        var userId = User.UserId() ?? "";
        var desk = JobRoomAccess.IsSecoDesk(User);
        var own = await access.AccountAsync(company.Uid.Value, userId, ct);
        if (!desk && own is null) return NotFound();
        Company = company;
        var everyAccount = desk || await access.IsMainAdministratorAsync(User, company.Uid.Value, ct);
        Accounts = await db.Set<JobRoomAccount>().AsNoTracking()
            .Where(a => a.Uid == company.Uid.Value && (everyAccount || a.UserId == userId))
            .OrderByDescending(a => a.IsMainAdministrator).ThenBy(a => a.RequestedAt).ToListAsync(ct);

        var found = await instances.RecentAsync("", [company.Id], 50, ct);
        var steps = await inbox.OpenOfInstancesAsync(found.Select(i => i.Id).ToList(), ct);
        var procedures = new List<UidProcedure>();
        foreach (var instance in found.Where(i => i.CompanyId == company.Id))
        {
            var definition = await DefinitionAsync(instance, ct);
            procedures.Add(new UidProcedure(instance, definition?.Title.For(Localization.Lang.Code) ?? instance.DefinitionId,
                definition is null ? instance.State : ProcedureMap.Title(definition, instance.State),
                steps.Where(s => s.InstanceId == instance.Id).ToList(), await instances.DocumentsAsync(instance.Id, ct)));
        }
        Procedures = procedures;
        return Page();
    }

    private async Task<WorkflowDefinition?> DefinitionAsync(InstanceView instance, CancellationToken ct)
    {
        try
        {
            return (await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
        }
        catch (WorkflowNotFoundException)
        {
            return null;
        }
    }

    public static string Status(JobRoomAccountStatus status) => status switch
    {
        JobRoomAccountStatus.Active => Localization.Lang.T("Attivo", "Active"),
        JobRoomAccountStatus.AwaitingApproval => Localization.Lang.T("In attesa dell'amministratore principale", "Awaiting the main administrator"),
        JobRoomAccountStatus.AwaitingPowerOfAttorney => Localization.Lang.T("In attesa della procura", "Awaiting the power of attorney"),
        JobRoomAccountStatus.Refused => Localization.Lang.T("Rifiutato", "Refused"),
        JobRoomAccountStatus.Expired => Localization.Lang.T("Scaduto", "Expired"),
        _ => status.ToString(),
    };
}
