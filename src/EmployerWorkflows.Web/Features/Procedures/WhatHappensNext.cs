using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// After an action, what changed and what happens next, from the definition and the engine's own rows: the state the
/// procedure is now in (its title), who acts next and by when (the open tasks' due dates the engine computed).
/// </summary>
public sealed class WhatHappensNext(InstanceQueries instances, DefinitionStore definitions, TaskInbox inbox, AppDbContext db, TimeProvider clock)
{
    public async Task<string> DescribeAsync(Guid instanceId, string? readerUserId, CancellationToken ct)
    {
        if (await instances.FindAsync(instanceId, ct) is not { } instance) return "";
        var definition = (await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
        var state = definition.StateTitle(instance.State);
        var now = Lang.T($"La pratica «{definition.Title.It}» è ora nello stato «{state.It}».", $"The procedure «{definition.Title.En}» is now in state «{state.En}».");
        if (instance.Status != InstanceStatus.Running)
            return now + " " + Lang.T("La pratica è conclusa: non ci sono altri passi.", "The procedure has ended: there are no further steps.");
        var open = (await inbox.ForInstanceAsync(instanceId, ct)).Where(t => t.IsOpen).ToList();
        if (open.Count == 0)
            return now + " " + Lang.T("Nessuno deve agire ora: il sistema prosegue da solo alla prossima scadenza.", "Nobody needs to act now: the system moves on by itself at the next deadline.");
        var next = new List<string>();
        foreach (var task in open)
            next.Add(await NextTaskAsync(task, readerUserId, ct));
        return now + " " + string.Join(" ", next);
    }

    private async Task<string> NextTaskAsync(InboxTask task, string? readerUserId, CancellationToken ct)
    {
        var who = await WhoAsync(task, readerUserId, ct);
        var title = new LocalizedText(task.TitleIt, task.TitleEn);
        if (task.DueAt is not { } due)
            return Lang.T($"Ora tocca {who.It}: «{title.It}».", $"Next: {who.En}, «{title.En}».");
        var days = Math.Max(0, (int)Math.Ceiling((due - clock.GetUtcNow()).TotalDays));
        return Lang.T($"Ora tocca {who.It}: «{title.It}»; ha {days} giorni, scadenza {Lang.Date(due)}.",
            $"Next: {who.En}, «{title.En}»; {days} days, due {Lang.Date(due)}.");
    }

    /// <summary>Who acts, as a reader says it: you, the company (and the person), or the desk that works the role.</summary>
    private async Task<LocalizedText> WhoAsync(InboxTask task, string? readerUserId, CancellationToken ct)
    {
        if (task.AssigneeUserId is { } assignee)
        {
            if (assignee == readerUserId) return new("a te", "you");
            var name = await db.Users.AsNoTracking().Where(u => u.Id == assignee).Select(u => u.FirstName + " " + u.LastName).SingleOrDefaultAsync(ct);
            return task.CompanyId is null
                ? new($"a {name}", name ?? "")
                : new($"all'azienda ({name})", $"the company ({name})");
        }
        return task.Role switch
        {
            Roles.AgencyReviewer => new("all'agenzia", "the agency"),
            Roles.HelpDesk => new("all'help desk", "the help desk"),
            Roles.SecoDesk => new("allo sportello SECO", "the SECO desk"),
            Roles.Operator => new("agli operatori", "the operators"),
            _ => new($"al ruolo {task.Role}", $"the role {task.Role}"),
        };
    }
}
