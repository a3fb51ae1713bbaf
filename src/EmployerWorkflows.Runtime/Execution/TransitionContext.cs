using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Everything one transition works on; all writes go to <see cref="Db"/> and commit together.</summary>
internal sealed class TransitionContext(
    DbContext db,
    WorkflowInstance instance,
    PublishedWorkflow workflow,
    WorkflowActor actor,
    DateTimeOffset now,
    JsonObject variables,
    JsonObject? payload)
{
    public DbContext Db { get; } = db;
    public WorkflowInstance Instance { get; } = instance;
    public PublishedWorkflow Workflow { get; } = workflow;
    public WorkflowActor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public JsonObject Variables { get; } = variables;
    public JsonObject? Payload { get; } = payload;

    /// <summary>Due times of timers scheduled by this transition, to wake the sweep after commit.</summary>
    public List<DateTimeOffset> ScheduledDueTimes { get; } = [];

    /// <summary>Set when a domain operation ran: it may have changed tracked entities of the host.</summary>
    public bool RanOperation { get; set; }

    public ExpressionScope Scope() => new(Variables, Payload, Actor, Now);
}
