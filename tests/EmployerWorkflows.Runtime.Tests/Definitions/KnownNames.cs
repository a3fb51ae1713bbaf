using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>Fixed sets of template, form and role names, as the catalogs of a deployment would hold.</summary>
internal sealed class KnownNames(IEnumerable<string> names) : ITemplateCatalog, IFormCatalog, IRoleCatalog
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool Exists(string name) => _names.Contains(name);

    public string? GetSource(string name, string language) => Exists(name) ? $"subject: {name}\n---\n" : null;
}

/// <summary>An operation declaration with the inputs of <c>company.activate</c>; validation never runs it.</summary>
internal sealed class DeclaredOperation(string name, params OperationInput[] inputs) : IWorkflowOperation
{
    public string Name => name;

    public string Description => $"Declared {name} operation.";

    public IReadOnlyList<OperationInput> Inputs => inputs;

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Definition validation must not run operations.");
}
