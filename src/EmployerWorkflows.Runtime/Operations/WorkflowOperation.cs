namespace EmployerWorkflows.Runtime.Operations;

/// <summary>
/// An operation whose inputs are one record, <typeparamref name="TInput"/>: its constructor parameters are the
/// declared <see cref="IWorkflowOperation.Inputs"/> (name, type, required when not nullable, <c>[Description]</c>),
/// which the definition validator, the designer and the sandbox read, and the operation receives them typed.
/// </summary>
public abstract class WorkflowOperation<TInput> : IWorkflowOperation where TInput : notnull
{
    private static readonly OperationInputRecord Record = OperationInputRecord.Of(typeof(TInput));

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<OperationInput> Inputs => Record.Inputs;

    /// <inheritdoc />
    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken) =>
        InvokeAsync(context, (TInput)Record.Bind(context.Inputs), cancellationToken);

    /// <summary>Runs the operation with its inputs, already evaluated and checked against their types.</summary>
    protected abstract Task<object?> InvokeAsync(OperationContext context, TInput input, CancellationToken cancellationToken);
}

/// <summary>The inputs of an operation that takes none.</summary>
public sealed record NoInputs;
