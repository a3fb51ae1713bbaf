using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using Fluid;
using Fluid.Values;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// Renders catalog templates with Fluid (Liquid). The model's JSON is converted to plain dictionaries and
/// lists; the text body is rendered unencoded and the HTML body is that text HTML-encoded, so values
/// can never inject markup. The parsed text of each template and language is cached and replaced when the text
/// changes, so an edit is parsed again and edits do not pile up in memory.
/// </summary>
public sealed class FluidEmailTemplateRenderer : IEmailTemplateRenderer
{
    private static readonly FluidParser Parser = new();

    private readonly ITemplateCatalog _catalog;
    private readonly TemplateLimits _limits;
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<(string Template, string Language), CachedTemplate> _parsed = new();

    public FluidEmailTemplateRenderer(ITemplateCatalog catalog, TemplateLimits? limits = null)
    {
        _catalog = catalog;
        _limits = limits ?? TemplateLimits.Default;
        _options = TemplateGuards.Options(_limits);
    }

    /// <inheritdoc />
    public RenderedEmail Render(string template, string language, JsonObject model)
    {
        var source = _catalog.GetSource(template, language)
            ?? throw new TemplateException(template, $"There is no email template \"{template}\".");
        var parsed = Parsed(template, language, source);
        var context = new TemplateContext(_options)
        {
            CultureInfo = CultureInfo.GetCultureInfo(FileTemplateCatalog.Normalize(language) == "en" ? "en-GB" : "it-IT"),
        };
        foreach (var (name, value) in model)
        {
            context.SetValue(name, FluidValue.Create(LiquidModel.From(value), _options));
        }

        try
        {
            var subject = RenderPart(parsed.Subject, context).Trim();
            var text = RenderPart(parsed.Body, context);
            return new RenderedEmail(subject, text, ToHtml(text));
        }
        catch (Exception ex) when (TemplateFailures.Describe(ex, _limits) is { } reason)
        {
            throw new TemplateException(template, $"Template \"{template}\" failed to render: {reason}", ex);
        }
    }

    private string RenderPart(IFluidTemplate part, TemplateContext context)
    {
        using var writer = new CappedWriter(_limits);
        var rendering = part.RenderAsync(writer, NullEncoder.Default, context);
        if (!rendering.IsCompletedSuccessfully)
            rendering.AsTask().GetAwaiter().GetResult();
        return writer.ToString();
    }

    /// <summary>How many parsed texts are kept: one per template and language asked for.</summary>
    internal int CachedCount => _parsed.Count;

    private ParsedTemplate Parsed(string template, string language, string source)
    {
        var key = (template, language);
        if (_parsed.TryGetValue(key, out var cached) && string.Equals(cached.Source, source, StringComparison.Ordinal))
        {
            return cached.Parsed;
        }

        // Two renders racing on a new text both parse it; the later entry wins and both results are right.
        var parsed = Parse(template, source, _limits);
        _parsed[key] = new CachedTemplate(source, parsed);
        return parsed;
    }

    private static ParsedTemplate Parse(string template, string text, TemplateLimits limits)
    {
        var source = TemplateSource.Split(template, text);
        return new ParsedTemplate(ParsePart(template, "subject", source.Subject, limits), ParsePart(template, "body", source.Body, limits));
    }

    private static IFluidTemplate ParsePart(string template, string part, string liquid, TemplateLimits limits) =>
        Parser.TryParse(liquid, out var parsed, out var error)
            ? TemplateGuards.Bounded(parsed, limits)
            : throw new TemplateException(template, $"The {part} of template \"{template}\" is not valid Liquid: {error}");

    /// <summary>Paragraphs (blank-line separated) become <c>&lt;p&gt;</c>, single line breaks <c>&lt;br&gt;</c>.</summary>
    internal static string ToHtml(string text)
    {
        var html = new StringBuilder();
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd()));
            html.Append("<p>").Append(string.Join("<br>\n", lines)).Append("</p>\n");
        }

        return html.ToString();
    }

    private sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Body);

    private sealed record CachedTemplate(string Source, ParsedTemplate Parsed);
}
