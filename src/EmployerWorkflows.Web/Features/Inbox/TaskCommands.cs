using System.Security.Claims;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>
/// Who is working a task, as the inbox page asks it: claim it, give it back, hand it to a colleague of the same
/// role. The inbox makes each change; this says the outcome in both languages and finds the colleague.
/// </summary>
public sealed class TaskCommands(TaskInbox inbox, UserManager<AppUser> users)
{
    /// <summary>Null when done; otherwise what stopped it, in both languages.</summary>
    public async Task<IdentifierError?> ClaimAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct) =>
        Said(await inbox.ClaimAsync(taskId, TaskReaders.For(user), ct));

    public async Task<IdentifierError?> ReleaseAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct) =>
        Said(await inbox.ReleaseAsync(taskId, TaskReaders.For(user), ct));

    /// <summary>Sets or (with null) clears the day the reviewer means to look at the task again.</summary>
    public async Task<IdentifierError?> SetFollowUpAsync(Guid taskId, DateTimeOffset? followUpAt, ClaimsPrincipal user, CancellationToken ct) =>
        Said(await inbox.SetFollowUpAsync(taskId, TaskReaders.For(user), WorkflowActors.From(user), followUpAt, ct));

    /// <summary>Hands the task to a colleague who holds the task's role.</summary>
    public async Task<IdentifierError?> AssignAsync(Guid taskId, string? colleagueCf, ClaimsPrincipal user, CancellationToken ct)
    {
        var reader = TaskReaders.For(user);
        var task = await inbox.FindAsync(taskId, reader, ct);
        if (task is not { IsOpen: true }) return Said(TaskHandover.NotFound);
        if (CodiceFiscale.Validate(colleagueCf) is { } error) return error;
        var colleague = await users.FindByNameAsync(CodiceFiscale.Parse(colleagueCf).Value);
        if (colleague is null || task.Role is null || !await users.IsInRoleAsync(colleague, task.Role))
            return new IdentifierError("Questa persona non ha il ruolo richiesto dall'attività.", "This person does not hold the role the task needs.");
        return Said(await inbox.AssignAsync(taskId, reader, colleague.Id, ct));
    }

    private static IdentifierError? Said(TaskHandover outcome) => outcome switch
    {
        TaskHandover.Done => null,
        TaskHandover.TakenByColleague => new IdentifierError("Un collega ha già preso in carico questa attività.", "A colleague has already taken this task."),
        TaskHandover.NotYours => new IdentifierError("L'attività non è in carico a te.", "The task is not assigned to you."),
        _ => new IdentifierError("Attività non trovata o già chiusa.", "Task not found or already closed."),
    };
}
