namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Marks the static class that holds, as string constants, the trigger names the host's code fires on one workflow,
/// so a test can check each against the definition file.
/// </summary>
/// <param name="definitionId">Id of the workflow, e.g. <c>company-registration</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkflowTriggersAttribute(string definitionId) : Attribute
{
    /// <summary>Id of the workflow whose triggers the class names.</summary>
    public string DefinitionId { get; } = definitionId;
}
