namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Email templates known to the runtime (<c>workflows/templates/{it,en}/*.liquid</c>).</summary>
public interface ITemplateCatalog
{
    bool Exists(string name);

    /// <summary>Source of a template in a language, falling back to Italian; null when unknown.</summary>
    string? GetSource(string name, string language);
}

/// <summary>Forms of human tasks, defined as data (<c>workflows/forms/*.form.json</c>).</summary>
public interface IFormCatalog
{
    bool Exists(string formId);

    /// <summary>
    /// The form's fields, which are the payload a task's actions accept; null when the catalog cannot say, and then
    /// the task's actions accept no fields (besides the transition's declared inputs).
    /// </summary>
    Forms.FormDefinition? Find(string formId) => null;
}

/// <summary>Roles that human tasks and transitions may name.</summary>
public interface IRoleCatalog
{
    bool Exists(string role);
}
