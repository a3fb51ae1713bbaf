using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>A catalog holding one template text, to check or preview a template before it is saved.</summary>
public sealed class SingleTemplateCatalog(string source) : ITemplateCatalog
{
    public const string Name = "draft";

    public bool Exists(string name) => name == Name;

    public string? GetSource(string name, string language) => name == Name ? source : null;
}
