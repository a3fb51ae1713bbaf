using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Execution.Contract;

/// <summary><c>test.limit</c>: a step check that refuses amounts over 1000 with a field error on <c>amount</c>.</summary>
public sealed class LimitOperation : IWorkflowOperation
{
    public string Name => "test.limit";
    public string Description => "Refuses amounts over 1000.";
    public IReadOnlyList<OperationInput> Inputs { get; } = [new("amount", OperationInputType.Number, true, "Amount to check.")];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken) =>
        (decimal)context.Inputs["amount"]! > 1000
            ? throw StepRefusedException.Field("amount", "Importo oltre il limite.", "Amount over the limit.")
            : Task.FromResult<object?>(null);
}
