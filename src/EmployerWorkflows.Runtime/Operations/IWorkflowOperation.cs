using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Operations;

/// <summary>
/// A domain operation that a definition's <c>invoke</c> activity calls, e.g. <c>company.activate</c>.
/// It runs inside the transition's transaction: whatever it changes through <see cref="OperationContext.Db"/>
/// commits with the state change or not at all. Throwing faults the instance with an incident.
/// </summary>
public interface IWorkflowOperation
{
    /// <summary>Name used in definitions.</summary>
    string Name { get; }

    /// <summary>What the operation does, for the designer.</summary>
    string Description { get; }

    /// <summary>Typed, described inputs, for validation and the designer.</summary>
    IReadOnlyList<OperationInput> Inputs { get; }

    /// <summary>Runs the operation; the returned value (may be null) can be stored in a variable.</summary>
    Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken);
}

/// <summary>Type of an operation input, checked before the operation runs.</summary>
public enum OperationInputType { String, Number, Boolean, Date, Guid, Object }

/// <summary>One input of an operation.</summary>
public sealed record OperationInput(string Name, OperationInputType Type, bool Required, string Description);

/// <summary>What an operation sees when it runs.</summary>
/// <param name="Db">The unit of work of the transition; do not call SaveChanges or commit.</param>
/// <param name="InstanceId">Instance running the operation.</param>
/// <param name="CompanyId">Company the instance acts for, if any.</param>
/// <param name="Inputs">Evaluated inputs, already checked against <see cref="IWorkflowOperation.Inputs"/>.</param>
/// <param name="Actor">Who caused the transition.</param>
/// <param name="Now">Current time from the runtime's clock.</param>
public sealed record OperationContext(
    DbContext Db,
    Guid InstanceId,
    Guid? CompanyId,
    IReadOnlyDictionary<string, object?> Inputs,
    Execution.WorkflowActor Actor,
    DateTimeOffset Now);
