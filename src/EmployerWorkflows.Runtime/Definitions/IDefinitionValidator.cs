namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Parses and checks a definition document: JSON Schema first, then the semantic rules.</summary>
public interface IDefinitionValidator
{
    /// <summary>The parsed definition (null when it could not be parsed) and every error found.</summary>
    DefinitionCheck Validate(string json);
}

/// <summary>Outcome of <see cref="IDefinitionValidator.Validate"/>; publishable only when <see cref="Errors"/> is empty.</summary>
public sealed record DefinitionCheck(WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;

    /// <summary>Advice that does not stop publishing, e.g. a task action without a title.</summary>
    public IReadOnlyList<DefinitionError> Warnings { get; init; } = [];
}

/// <summary>One problem, at a JSON path such as <c>$.states.UnderReview.on.approve[0].to</c>.</summary>
/// <param name="Code">Stable machine code, e.g. <c>unknown-target-state</c>.</param>
/// <param name="Message">What is wrong and what to do, in English.</param>
/// <param name="Italian">The same, in Italian.</param>
public sealed record DefinitionError(string Path, string Code, string Message, string Italian)
{
    /// <summary>The message in the language with this two-letter code: English for <c>en</c>, Italian otherwise.</summary>
    public string In(string language) => language == "en" ? Message : Italian;
}
