using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Checks of single values against what the runtime knows: catalogs, registered operations, duration
/// syntax and expression syntax. Each method adds at most one error per value, at the value's path.
/// </summary>
internal sealed class ReferenceRules(
    ITemplateCatalog templates,
    IFormCatalog forms,
    IRoleCatalog roles,
    IReadOnlyDictionary<string, IWorkflowOperation> operations,
    IExpressionEvaluator expressions,
    List<DefinitionError> errors)
{
    public IReadOnlyDictionary<string, IWorkflowOperation> Operations => operations;

    public void Template(string path, string name)
    {
        if (!templates.Exists(name))
        {
            Add(path, "unknown-template",
                $"There is no email template \"{name}\"; write it under Forms and emails (or ship workflows/templates/it/{name}.liquid) or use an existing name.");
        }
    }

    public void Form(string path, string formId)
    {
        if (!forms.Exists(formId))
        {
            Add(path, "unknown-form", $"There is no form \"{formId}\"; write it under Forms and emails (or ship workflows/forms/{formId}.form.json) or use an existing form id.");
        }
    }

    public void Role(string path, string role)
    {
        if (!roles.Exists(role))
        {
            Add(path, "unknown-role", $"\"{role}\" is not a known role; use one of the configured roles (names are case-sensitive).");
        }
    }

    public void Duration(string path, string? text, bool mustBePositive = false)
    {
        if (text is null)
        {
            return;
        }

        if (!IsoDuration.TryParse(text, out var duration))
        {
            Add(path, "bad-duration", $"\"{text}\" is not an ISO-8601 duration; write e.g. P5D, PT1H, P1DT2H30M or P2W.");
        }
        else if (mustBePositive && duration.IsZero)
        {
            Add(path, "bad-duration", $"\"{text}\" is zero; a repeating period must be longer than nothing, e.g. P1D.");
        }
    }

    public void Guard(string path, string? expression) => Expression(path, expression, "guard-does-not-compile", "guard");

    public void Expression(string path, string? expression) => Expression(path, expression, "expression-does-not-compile", "expression");

    public void Add(string path, string code, string message) => errors.Add(new DefinitionError(path, code, message));

    private void Expression(string path, string? expression, string code, string what)
    {
        if (expression is not null && expressions.CompileError(expression) is { } error)
        {
            Add(path, code, $"The {what} is not valid JavaScript: {error} Fix the syntax; it may use vars, payload, actor and now.");
        }
    }
}
