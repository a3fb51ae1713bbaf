using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Checks a definition document in three passes: JSON syntax, the JSON Schema
/// (<c>workflows/schema/workflow.schema.json</c>), then the semantic rules against the catalogs, registered
/// operations and the expression sandbox. Semantic rules run only on a schema-valid document so that one
/// mistake yields one error.
/// </summary>
public sealed class DefinitionValidator : IDefinitionValidator
{
    private readonly ITemplateCatalog _templates;
    private readonly IFormCatalog _forms;
    private readonly IRoleCatalog _roles;
    private readonly IReadOnlyDictionary<string, IWorkflowOperation> _operations;
    private readonly IExpressionEvaluator _expressions;

    public DefinitionValidator(
        ITemplateCatalog templates,
        IFormCatalog forms,
        IRoleCatalog roles,
        IEnumerable<IWorkflowOperation> operations,
        IExpressionEvaluator expressions)
    {
        _templates = templates;
        _forms = forms;
        _roles = roles;
        _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _expressions = expressions;
    }

    /// <inheritdoc />
    public DefinitionCheck Validate(string json)
    {
        var errors = new List<DefinitionError>();
        using var document = WorkflowDefinitionParser.TryOpen(json, errors);
        if (document is null)
        {
            return new DefinitionCheck(null, errors);
        }

        var parsed = WorkflowDefinitionParser.Parse(document.RootElement, errors);
        if (parsed is null)
        {
            return new DefinitionCheck(null, errors);
        }

        // Repeated keys do not stop the semantic rules, but a definition with them is never publishable.
        var structurallySound = errors.Count == 0;
        var rules = new ReferenceRules(_templates, _forms, _roles, _operations, _expressions, errors);
        StateGraphRules.Check(parsed, errors);
        TransitionRules.Check(parsed, rules);
        ActivityRules.Check(parsed.Definition, rules);
        return new DefinitionCheck(structurallySound ? parsed.Definition : null, errors) { Warnings = TitleRules.Warnings(parsed) };
    }
}
