using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// What Fluid does not limit by itself: ranges are materialised as arrays (<c>(1..1000000000)</c> allocates
/// gigabytes before the first step is counted), and assign, capture and a few filters can double a string on
/// every step. Each guard throws <see cref="TemplateLimitException"/> before the allocation, or right after
/// one that is bounded by values already checked.
/// </summary>
internal static class TemplateGuards
{
    /// <summary>Filters whose result can be much larger than their input.</summary>
    private static readonly string[] GrowingFilters = ["append", "prepend", "join", "replace", "replace_first", "concat", "newline_to_br", "escape", "url_encode", "split"];

    public static TemplateOptions Options(TemplateLimits limits)
    {
        var options = new TemplateOptions { MaxSteps = limits.MaxSteps, MaxRecursion = limits.MaxRecursion };
        options.Assigned = (_, value, _) => new ValueTask<FluidValue>(Checked(value, limits));
        options.Captured = (_, value, _) => new ValueTask<FluidValue>(Checked(value, limits));
        foreach (var name in GrowingFilters)
        {
            if (!options.Filters.TryGetValue(name, out var filter))
                continue;
            options.Filters.AddFilter(name, async (input, arguments, context) =>
            {
                Precheck(name, input, arguments, limits);
                return Checked(await filter(input, arguments, context), limits);
            });
        }
        return options;
    }

    /// <summary>Replaces the end of every range with one that refuses too many items.</summary>
    public static IFluidTemplate Bounded(IFluidTemplate template, TemplateLimits limits) =>
        new RangeBounds(limits.MaxRangeItems).VisitTemplate(template);

    private static FluidValue Checked(FluidValue value, TemplateLimits limits)
    {
        switch (value)
        {
            case StringValue text when text.ToStringValue().Length > limits.MaxOutputChars:
                throw TooLong(limits);
            case ArrayValue array when array.Values.Count > limits.MaxRangeItems:
                throw TooMany(limits.MaxRangeItems);
            default:
                return value;
        }
    }

    /// <summary>join and replace multiply: the result is estimated from the inputs before it is built.</summary>
    private static void Precheck(string filter, FluidValue input, FilterArguments arguments, TemplateLimits limits)
    {
        long estimate = filter switch
        {
            "join" when input is ArrayValue array =>
                array.Values.Sum(v => (long)v.ToStringValue().Length) + (long)Math.Max(0, array.Values.Count - 1) * arguments.At(0).ToStringValue().Length,
            "replace" => ReplaceEstimate(input.ToStringValue(), arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue()),
            _ => 0,
        };
        if (estimate > limits.MaxOutputChars)
            throw TooLong(limits);
    }

    private static long ReplaceEstimate(string text, string find, string replacement)
    {
        if (find.Length == 0 || replacement.Length <= find.Length)
            return text.Length;
        long count = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + find.Length, StringComparison.Ordinal))
            count++;
        return text.Length + count * (replacement.Length - find.Length);
    }

    internal static TemplateLimitException TooLong(TemplateLimits limits) => new(
        $"Il modello produce un testo troppo lungo (oltre {limits.MaxOutputChars} caratteri). / The template produces text longer than {limits.MaxOutputChars} characters.");

    private static TemplateLimitException TooMany(int max) => new(
        $"Il modello usa un intervallo o un elenco di oltre {max} elementi. / The template uses a range or list of more than {max} items.");

    private sealed class RangeBounds(int maxItems) : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression range) =>
            new RangeExpression(range.From, new BoundedRangeEnd(range.From, range.To, maxItems));
    }

    /// <summary>The end of a range, evaluated only after the range's size is known to be acceptable.</summary>
    private sealed class BoundedRangeEnd(Expression from, Expression to, int maxItems) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var start = await from.EvaluateAsync(context);
            var end = await to.EvaluateAsync(context);
            if (end.ToNumberValue() - start.ToNumberValue() + 1 > maxItems)
                throw TooMany(maxItems);
            return end;
        }
    }
}
