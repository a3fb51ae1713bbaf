using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>What became of a claim, a release or a hand-over.</summary>
public enum TaskHandover { Done, NotFound, TakenByColleague, NotYours }

public sealed partial class TaskInbox
{
    /// <summary>Takes an open task; a conditional update, so two reviewers claiming at once cannot both win.</summary>
    public async Task<TaskHandover> ClaimAsync(Guid taskId, TaskReader reader, CancellationToken ct = default)
    {
        if (await OpenFor(taskId, reader, ct) is null) return TaskHandover.NotFound;
        await using var db = contexts.CreateDbContext();
        var me = reader.UserId;
        var changed = await db.Set<WorkflowTask>()
            .Where(t => t.Id == taskId && t.Status == WorkflowTaskStatus.Open && (t.ClaimedByUserId == null || t.ClaimedByUserId == me))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, me), ct);
        return changed == 1 ? TaskHandover.Done : TaskHandover.TakenByColleague;
    }

    /// <summary>Gives back a task the reader had taken.</summary>
    public async Task<TaskHandover> ReleaseAsync(Guid taskId, TaskReader reader, CancellationToken ct = default)
    {
        if (await OpenFor(taskId, reader, ct) is null) return TaskHandover.NotFound;
        await using var db = contexts.CreateDbContext();
        var me = reader.UserId;
        var changed = await db.Set<WorkflowTask>().Where(t => t.Id == taskId && t.ClaimedByUserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, (string?)null), ct);
        return changed == 1 ? TaskHandover.Done : TaskHandover.NotYours;
    }

    /// <summary>
    /// Hands an open task to a colleague. The host checks first that the colleague holds the task's role
    /// (<see cref="FindAsync"/> gives it), since people and their roles are the host's.
    /// </summary>
    public async Task<TaskHandover> AssignAsync(Guid taskId, TaskReader reader, string colleagueUserId, CancellationToken ct = default)
    {
        if (await OpenFor(taskId, reader, ct) is null) return TaskHandover.NotFound;
        await using var db = contexts.CreateDbContext();
        var changed = await db.Set<WorkflowTask>().Where(t => t.Id == taskId && t.Status == WorkflowTaskStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedByUserId, colleagueUserId), ct);
        return changed == 1 ? TaskHandover.Done : TaskHandover.NotFound;
    }

    /// <summary>
    /// Sets (or, with null, clears) the day a reviewer means to look at an open task again, and journals it with
    /// the task's procedure and company. Only the date is kept: the inbox compares it with "now".
    /// </summary>
    public async Task<TaskHandover> SetFollowUpAsync(
        Guid taskId, TaskReader reader, WorkflowActor actor, DateTimeOffset? followUpAt, CancellationToken ct = default)
    {
        if (await OpenFor(taskId, reader, ct) is null) return TaskHandover.NotFound;
        await using var db = contexts.CreateDbContext();
        var task = await db.Set<WorkflowTask>().SingleAsync(t => t.Id == taskId, ct);
        if (task.FollowUpAt == followUpAt) return TaskHandover.Done;
        task.FollowUpAt = followUpAt;
        var summary = followUpAt is { } at
            ? $"Follow-up of task '{task.TitleEn}' set to {at:yyyy-MM-dd}."
            : $"Follow-up of task '{task.TitleEn}' cleared.";
        JournalWriter.RecordOperation(db, actor, task.CompanyId, "task.followUp", summary, clock.GetUtcNow(), task.InstanceId);
        await db.SaveChangesAsync(ct);
        return TaskHandover.Done;
    }

    /// <summary>The task with the actions the actor may take on it now (none once it or its procedure is closed).</summary>
    public async Task<TaskActions?> ActionsAsync(Guid taskId, TaskReader reader, WorkflowActor actor, CancellationToken ct = default)
    {
        var task = await FindAsync(taskId, reader, ct);
        if (task is null) return null;
        await using var db = contexts.CreateDbContext();
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        var permitted = task.IsOpen && instance.Status == InstanceStatus.Running
            ? (await engine.GetPermittedActionsAsync(task.InstanceId, actor with { CompanyId = task.CompanyId }, ct))
                .Where(p => task.Actions.Contains(p.Trigger)).ToList()
            : [];
        return new TaskActions(task, instance.State, instance.Version, permitted);
    }

    /// <summary>Completes a task with one of its actions: the action is fired on the task's procedure, acting for its company.</summary>
    /// <exception cref="TaskNotFoundException">No such task, or the reader may not work it.</exception>
    /// <exception cref="TaskClosedException">Already completed or cancelled.</exception>
    /// <exception cref="TaskActionNotOfferedException">The task does not offer the action.</exception>
    public async Task<WorkflowResult> CompleteAsync(
        Guid taskId, TaskReader reader, WorkflowActor actor, string action, JsonObject? payload, long? expectedVersion,
        string? idempotencyKey, CancellationToken ct = default)
    {
        var task = await FindAsync(taskId, reader, ct) ?? throw new TaskNotFoundException(taskId);
        if (!task.IsOpen) throw new TaskClosedException(taskId, task.Outcome);
        if (!task.Actions.Contains(action)) throw new TaskActionNotOfferedException(action, task.Actions);
        return await engine.FireAsync(new FireTrigger(task.InstanceId, action, actor with { CompanyId = task.CompanyId }, payload,
            expectedVersion, idempotencyKey), ct);
    }

    private async Task<InboxTask?> OpenFor(Guid taskId, TaskReader reader, CancellationToken ct) =>
        await FindAsync(taskId, reader, ct) is { IsOpen: true } task ? task : null;
}

/// <summary>A task, its procedure's current state and version, and the actions the actor may take now.</summary>
public sealed record TaskActions(InboxTask Task, string InstanceState, long InstanceVersion, IReadOnlyList<PermittedAction> Permitted);
