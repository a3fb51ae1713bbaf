using System.Security.Claims;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>
/// Who is working a task: claim it, give it back, hand it to a colleague of the same role. Each change is a
/// conditional update, so two reviewers claiming at once cannot both win.
/// </summary>
public sealed class TaskCommands(AppDbContext db, UserManager<AppUser> users)
{
    /// <summary>Null when done; otherwise what stopped it, in both languages.</summary>
    public async Task<IdentifierError?> ClaimAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = CompanyAccess.UserId(user)!;
        if (await WorkableAsync(taskId, user, ct) is null) return NotFound;
        var changed = await db.Set<WorkflowTask>()
            .Where(t => t.Id == taskId && t.Status == WorkflowTaskStatus.Open && (t.ClaimedByUserId == null || t.ClaimedByUserId == me))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, me), ct);
        return changed == 1 ? null : new IdentifierError("Un collega ha già preso in carico questa attività.", "A colleague has already taken this task.");
    }

    public async Task<IdentifierError?> ReleaseAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = CompanyAccess.UserId(user)!;
        if (await WorkableAsync(taskId, user, ct) is null) return NotFound;
        var changed = await db.Set<WorkflowTask>().Where(t => t.Id == taskId && t.ClaimedByUserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, (string?)null), ct);
        return changed == 1 ? null : new IdentifierError("L'attività non è in carico a te.", "The task is not assigned to you.");
    }

    /// <summary>Hands the task to a colleague who holds the task's role.</summary>
    public async Task<IdentifierError?> AssignAsync(Guid taskId, string? colleagueCf, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await WorkableAsync(taskId, user, ct);
        if (task is null) return NotFound;
        if (CodiceFiscale.Validate(colleagueCf) is { } error) return error;
        var colleague = await users.FindByNameAsync(CodiceFiscale.Parse(colleagueCf).Value);
        if (colleague is null || task.Role is null || !await users.IsInRoleAsync(colleague, task.Role))
            return new IdentifierError("Questa persona non ha il ruolo richiesto dall'attività.", "This person does not hold the role the task needs.");
        await db.Set<WorkflowTask>().Where(t => t.Id == taskId && t.Status == WorkflowTaskStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, colleague.Id), ct);
        return null;
    }

    private async Task<WorkflowTask?> WorkableAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        return task is { Status: WorkflowTaskStatus.Open } && task.CanWork(user) ? task : null;
    }

    private static readonly IdentifierError NotFound = new("Attività non trovata o già chiusa.", "Task not found or already closed.");
}
