using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>The host's registered operations by name, so the designer can list them and invoke can find them.</summary>
public sealed class OperationRegistry(IEnumerable<IWorkflowOperation> operations)
{
    private readonly Dictionary<string, IWorkflowOperation> _byName =
        operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IWorkflowOperation> All => _byName.Values;

    public IWorkflowOperation? Find(string name) => _byName.GetValueOrDefault(name);
}
