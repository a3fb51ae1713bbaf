using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>
/// The <c>ScriptLimits</c> section: budgets of definition expressions and email templates. A missing key keeps the
/// runtime's default; a value that is not positive stops the start, since it would disable the limit.
/// </summary>
public static class ScriptLimitsSettings
{
    public static ExpressionLimits Expressions(IConfiguration configuration)
    {
        var section = configuration.GetSection("ScriptLimits:Expressions");
        var defaults = ExpressionLimits.Default;
        return new ExpressionLimits(
            TimeSpan.FromMilliseconds(Positive(section, "TimeoutMs", (long)defaults.Timeout.TotalMilliseconds)),
            Positive(section, "MemoryBytes", defaults.MemoryBytes),
            (int)Positive(section, "RecursionDepth", defaults.RecursionDepth),
            (int)Positive(section, "MaxStatements", defaults.MaxStatements))
        {
            MaxResultChars = (int)Positive(section, "MaxResultChars", defaults.MaxResultChars),
        };
    }

    public static TemplateLimits Templates(IConfiguration configuration)
    {
        var section = configuration.GetSection("ScriptLimits:Templates");
        var defaults = TemplateLimits.Default;
        return new TemplateLimits(
            (int)Positive(section, "MaxSteps", defaults.MaxSteps),
            (int)Positive(section, "MaxRecursion", defaults.MaxRecursion),
            (int)Positive(section, "MaxOutputChars", defaults.MaxOutputChars),
            (int)Positive(section, "MaxRangeItems", defaults.MaxRangeItems));
    }

    private static long Positive(IConfigurationSection section, string key, long fallback)
    {
        var value = section.GetValue(key, fallback);
        return value is > 0 and <= int.MaxValue || key == "MemoryBytes" && value > 0
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be a positive number, not {section[key]}.");
    }
}
