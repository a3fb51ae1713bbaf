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
                $"There is no email template \"{name}\"; write it under Forms and emails (or ship workflows/templates/it/{name}.liquid) or use an existing name.",
                $"Non esiste il modello di email \"{name}\": scrivilo in Moduli ed email (o distribuisci workflows/templates/it/{name}.liquid) oppure usa un nome esistente.");
        }
    }

    public void Form(string path, string formId)
    {
        if (!forms.Exists(formId))
        {
            Add(path, "unknown-form",
                $"There is no form \"{formId}\"; write it under Forms and emails (or ship workflows/forms/{formId}.form.json) or use an existing form id.",
                $"Non esiste il modulo \"{formId}\": scrivilo in Moduli ed email (o distribuisci workflows/forms/{formId}.form.json) oppure usa l'id di un modulo esistente.");
        }
    }

    /// <summary>Fields of a form, or null when the catalog cannot say.</summary>
    public IReadOnlyList<Forms.FormField>? FormFields(string formId) => forms.Find(formId)?.Fields;

    public void Role(string path, string role)
    {
        if (!roles.Exists(role))
        {
            Add(path, "unknown-role",
                $"\"{role}\" is not a known role; use one of the configured roles (names are case-sensitive).",
                $"\"{role}\" non è un ruolo conosciuto: usa uno dei ruoli configurati (maiuscole e minuscole contano).");
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
            Add(path, "bad-duration", DurationMessages.NotIso($"\"{text}\""), DurationMessages.NotIsoItalian($"\"{text}\""));
        }
        else if (mustBePositive && duration.IsZero)
        {
            Add(path, "bad-duration",
                $"\"{text}\" is zero; a repeating period must be longer than nothing, e.g. P1D.",
                $"\"{text}\" è zero: un periodo che si ripete deve avere una durata, ad esempio P1D.");
        }
    }

    public void Guard(string path, string? expression) =>
        Expression(path, expression, "guard-does-not-compile", "The guard", "La condizione");

    public void Expression(string path, string? expression) =>
        Expression(path, expression, "expression-does-not-compile", "The expression", "L'espressione");

    public void Add(string path, string code, string message, string italian) =>
        errors.Add(new DefinitionError(path, code, message, italian));

    /// <summary>Adds the error unless the same one is already listed (e.g. one form reached through two triggers).</summary>
    public void AddOnce(string path, string code, string message, string italian)
    {
        var error = new DefinitionError(path, code, message, italian);
        if (!errors.Contains(error))
        {
            errors.Add(error);
        }
    }

    private void Expression(string path, string? expression, string code, string what, string whatItalian)
    {
        if (expression is not null && expressions.CompileError(expression) is { } error)
        {
            Add(path, code,
                $"{what} is not valid JavaScript: {error} Fix the syntax; it may use vars, payload, actor and now.",
                $"{whatItalian} non è JavaScript valido: {error} Correggi la sintassi; può usare vars, payload, actor e now.");
        }
    }
}
