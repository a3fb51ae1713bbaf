namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// Budget of one template render. Templates are edited by designers and fed with procedure data, so a loop, a
/// range or a string built by doubling must end as a readable error, never as a node out of memory.
/// </summary>
/// <param name="MaxSteps">Statements one render may execute (loop iterations included).</param>
/// <param name="MaxRecursion">Nesting of included templates and blocks.</param>
/// <param name="MaxOutputChars">Characters of the subject or body, and of any one value a template builds (assign, capture, filter).</param>
/// <param name="MaxRangeItems">Items of a range such as <c>(1..n)</c>.</param>
public sealed record TemplateLimits(int MaxSteps, int MaxRecursion, int MaxOutputChars, int MaxRangeItems)
{
    /// <summary>100 000 steps, depth 16, 200 000 characters, ranges of 10 000 items.</summary>
    public static TemplateLimits Default { get; } = new(100_000, 16, 200_000, 10_000);
}

/// <summary>A render crossed one of its <see cref="TemplateLimits"/>; the message says which, in Italian and English.</summary>
internal sealed class TemplateLimitException(string message) : InvalidOperationException(message);
