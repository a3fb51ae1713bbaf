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
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000, MaxRecursion = 16 };
    private readonly ConcurrentDictionary<(string Template, string Language), CachedTemplate> _parsed = new();

    public FluidEmailTemplateRenderer(ITemplateCatalog catalog)
    {
        _catalog = catalog;
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
            var subject = parsed.Subject.Render(context, NullEncoder.Default, false).Trim();
            var text = parsed.Body.Render(context, NullEncoder.Default, false);
            return new RenderedEmail(subject, text, ToHtml(text));
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new TemplateException(template, $"Template \"{template}\" failed to render: {ex.Message}", ex);
        }
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
        var parsed = Parse(template, source);
        _parsed[key] = new CachedTemplate(source, parsed);
        return parsed;
    }

    private static ParsedTemplate Parse(string template, string text)
    {
        var source = TemplateSource.Split(template, text);
        return new ParsedTemplate(ParsePart(template, "subject", source.Subject), ParsePart(template, "body", source.Body));
    }

    private static IFluidTemplate ParsePart(string template, string part, string liquid) =>
        Parser.TryParse(liquid, out var parsed, out var error)
            ? parsed
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
