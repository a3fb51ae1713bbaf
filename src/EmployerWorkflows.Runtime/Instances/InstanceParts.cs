using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Instances;

/// <summary>A task of an instance as operators see it: a copy of its row.</summary>
public sealed record InstanceTaskView(
    Guid Id, Guid InstanceId, string DefinitionId, Guid? CompanyId, string State, string? ActivityId, string Form, string Actions,
    string? Role, string? AssigneeUserId, string? ClaimedByUserId, WorkflowTaskStatus Status, TaskPriority Priority, DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosedByUserId, string? Outcome, string TitleIt, string TitleEn)
{
    public IReadOnlyList<string> ActionList => Actions.Length == 0 ? [] : Actions.Split(',', StringSplitOptions.RemoveEmptyEntries);

    internal static InstanceTaskView From(WorkflowTask t) => new(
        t.Id, t.InstanceId, t.DefinitionId, t.CompanyId, t.State, t.ActivityId, t.Form, t.Actions, t.Role, t.AssigneeUserId, t.ClaimedByUserId,
        t.Status, t.Priority, t.DueAt, t.CreatedAt, t.ClosedAt, t.ClosedByUserId, t.Outcome, t.TitleIt, t.TitleEn);
}

/// <summary>A deadline or reminder of an instance: a copy of its row.</summary>
public sealed record InstanceTimerView(
    Guid Id, Guid InstanceId, string State, string? ActivityId, TimerKind Kind, string? Trigger, string? Template, string? To,
    DateTimeOffset DueAt, string? Every, int Count, int? MaxCount, string? Escalate, TimerStatus Status, string? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset? FiredAt)
{
    internal static InstanceTimerView From(WorkflowTimer t) => new(
        t.Id, t.InstanceId, t.State, t.ActivityId, t.Kind, t.Trigger, t.Template, t.To, t.DueAt, t.Every, t.Count, t.MaxCount, t.Escalate,
        t.Status, t.ClaimedBy, t.ClaimExpiresAt, t.CreatedAt, t.FiredAt);
}

/// <summary>An incident of an instance: a copy of its row.</summary>
public sealed record IncidentView(
    Guid Id, Guid InstanceId, string? ActivityId, string ActivityKind, string Message, string FromState, string? Trigger, string? PayloadJson,
    string? ActorUserId, DateTimeOffset At, DateTimeOffset? ResolvedAt, string? Resolution)
{
    internal static IncidentView From(Incident i) => new(
        i.Id, i.InstanceId, i.ActivityId, i.ActivityKind, i.Message, i.FromState, i.Trigger, i.PayloadJson, i.ActorUserId, i.At, i.ResolvedAt,
        i.Resolution);
}

/// <summary>An email of an instance and how its delivery went.</summary>
public sealed record EmailDelivery(Guid Id, string To, string Subject, string TextBody, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string? LastError);

/// <summary>What is attached to one instance: open tasks, pending timers (both by due time), emails (oldest first), incidents (newest first).</summary>
public sealed record InstanceAttachments(
    InstanceView Instance, IReadOnlyList<InstanceTaskView> OpenTasks, IReadOnlyList<InstanceTimerView> PendingTimers,
    IReadOnlyList<EmailDelivery> Emails, IReadOnlyList<IncidentView> Incidents);

/// <summary>
/// Which instances an operator asks for. <see cref="CompanyIds"/>, when given, keeps instances of those companies only
/// (an empty set keeps none); <see cref="After"/> is the last instance id of the previous page.
/// </summary>
public sealed record InstanceCriteria(
    string? DefinitionId = null, int? Version = null, string? State = null, Guid? CompanyId = null,
    IReadOnlyCollection<Guid>? CompanyIds = null, bool Faulted = false, bool Overdue = false, Guid? After = null, int PageSize = 50);

/// <summary>An instance in a list, with how many incidents wait for an operator.</summary>
public sealed record MonitoredRow(InstanceView Instance, int OpenIncidents);

public sealed record MonitoredPage(IReadOnlyList<MonitoredRow> Rows, Guid? Next);

/// <summary>How much trouble there is, over every instance.</summary>
public sealed record InstanceCounts(int Running, int Faulted, int Overdue, int OpenIncidents);

/// <summary>How many instances still need one version (running or faulted).</summary>
public sealed record VersionLoad(string DefinitionId, int Version, int Instances);
