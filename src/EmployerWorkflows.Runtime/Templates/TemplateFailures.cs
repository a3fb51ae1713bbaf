using Fluid;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>Turns what can go wrong in a render into a message an operator can act on; null for a bug to let through.</summary>
internal static class TemplateFailures
{
    public static string? Describe(Exception ex, TemplateLimits limits) => ex switch
    {
        TemplateLimitException limit => limit.Message,
        InvalidOperationException when ex.Message.StartsWith("The maximum number of statements", StringComparison.Ordinal) =>
            $"il modello ha eseguito più di {limits.MaxSteps} passi: cerca un ciclo che si ripete troppe volte. / the template ran more than {limits.MaxSteps} steps; look for a loop that runs too many times.",
        // Fluid counts the scopes of a long loop with its nesting, so this limit also stops loops, not only includes.
        InvalidOperationException when ex.Message.StartsWith("The maximum level of recursion", StringComparison.Ordinal) =>
            $"il modello annida blocchi oltre il livello {limits.MaxRecursion} o ripete un ciclo troppe volte. / the template nests blocks deeper than {limits.MaxRecursion} levels or runs a loop too many times.",
        // A single request for more memory than the runtime can give fails before anything is allocated: the node is fine.
        OutOfMemoryException or InsufficientExecutionStackException =>
            "il modello chiede troppa memoria. / the template asks for too much memory.",
        FluidException or InvalidOperationException or FormatException or ArgumentException => ex.Message,
        _ => null,
    };
}
