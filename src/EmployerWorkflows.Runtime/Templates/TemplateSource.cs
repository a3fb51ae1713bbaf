namespace EmployerWorkflows.Runtime.Templates;

/// <summary>
/// The two parts of a template file: a first line <c>subject: …</c>, a line <c>---</c>, then the body.
/// Both parts are Liquid.
/// </summary>
internal sealed record TemplateSource(string Subject, string Body)
{
    private const string SubjectPrefix = "subject:";
    private const string Separator = "---";

    public static TemplateSource Split(string template, string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n', 3);
        if (!lines[0].StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateException(template,
                $"Template \"{template}\" must start with a line \"subject: …\"; found \"{lines[0]}\".");
        }

        if (lines.Length < 2 || lines[1].Trim() != Separator)
        {
            throw new TemplateException(template,
                $"Template \"{template}\" needs a line \"---\" right after the subject line, then the body.");
        }

        return new TemplateSource(lines[0][SubjectPrefix.Length..].Trim(), lines.Length > 2 ? lines[2] : "");
    }
}
