using System.Text.RegularExpressions;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Builds the JSON paths that <see cref="DefinitionError"/>s carry, e.g. <c>$.states.UnderReview.onEntry[1].template</c>.</summary>
public static partial class DefinitionPath
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>A property of the object at <paramref name="parent"/>; names that are not identifiers use <c>['…']</c>.</summary>
    public static string Property(string parent, string name) =>
        Identifier().IsMatch(name)
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>An item of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Path of a state.</summary>
    public static string State(string state) => Property(Property(Root, "states"), state);
}
