using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Starts an instance of a published definition.</summary>
/// <param name="DefinitionId">Definition to run.</param>
/// <param name="Version">Published version; the latest published one when null.</param>
/// <param name="Variables">Start input, merged over the definition's default variables (secret fields dropped).</param>
/// <param name="CorrelationId">Key of the business object the procedure is about.</param>
/// <param name="CompanyId">Company the procedure acts for.</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="IdempotencyKey">Optional key; a repeated start with the same key returns the first result.</param>
public sealed record StartWorkflow(
    string DefinitionId,
    int? Version,
    JsonObject? Variables,
    string? CorrelationId,
    Guid? CompanyId,
    WorkflowActor Actor,
    string? IdempotencyKey = null);

/// <summary>Fires a trigger (a task action, a timer, an API call) on an instance.</summary>
/// <param name="ExpectedVersion">The instance version the caller saw; a different current version is a conflict.</param>
/// <param name="IdempotencyKey">Operation id; a repeated fire with the same key returns the first result and changes nothing.</param>
public sealed record FireTrigger(
    Guid InstanceId,
    string Trigger,
    WorkflowActor Actor,
    JsonObject? Payload = null,
    long? ExpectedVersion = null,
    string? IdempotencyKey = null);

/// <summary>Moves an instance to another published version of its definition.</summary>
/// <param name="StateMapping">Old state → state of the target version; states absent from the map keep their name.</param>
public sealed record MigrateInstance(
    Guid InstanceId,
    int TargetVersion,
    IReadOnlyDictionary<string, string> StateMapping,
    WorkflowActor Actor);

/// <summary>
/// What a command did. <see cref="Status"/> is <see cref="InstanceStatus.Faulted"/> when an activity failed: the
/// transition was rolled back and <see cref="IncidentId"/> names the incident an operator can retry.
/// </summary>
/// <param name="Replayed">True when an earlier command with the same idempotency key produced this result.</param>
public sealed record WorkflowResult(
    Guid InstanceId,
    string? FromState,
    string State,
    InstanceStatus Status,
    long Version,
    Guid? IncidentId = null,
    bool Replayed = false);

/// <summary>A trigger the actor may fire now, with the payload fields the UI must ask for.</summary>
/// <param name="To">State the transition leads to.</param>
/// <param name="Requires">Payload fields that must be present and non-empty.</param>
/// <param name="Title">What the action is called on its button, from the definition (readable fallback when untitled).</param>
public sealed record PermittedAction(string Trigger, string To, IReadOnlyList<string> Requires, LocalizedText Title);
