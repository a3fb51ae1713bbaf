using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Tests.Templates;

/// <summary>Templates that would hang or exhaust a node end as a readable <see cref="TemplateException"/>.</summary>
public sealed class TemplateBombTests
{
    private static TemplateException Bomb(string body, TemplateLimits? limits = null)
    {
        var renderer = new FluidEmailTemplateRenderer(new SingleTemplateCatalog("subject: Prova\n---\n" + body), limits);
        return Assert.Throws<TemplateException>(() => renderer.Render(SingleTemplateCatalog.Name, "it", []));
    }

    [Fact]
    public void Render_FailsWithLoopMessage_WhenLoopRunsTooLong()
    {
        var ex = Bomb("{% for i in (1..5000) %}{% for j in (1..5000) %}x{% endfor %}{% endfor %}",
            TemplateLimits.Default with { MaxOutputChars = int.MaxValue });

        Assert.Contains("runs a loop too many times", ex.Message);
        Assert.Contains("ripete un ciclo troppe volte", ex.Message);
    }

    [Fact]
    public void Render_FailsWithRangeMessage_WhenRangeIsHuge()
    {
        var ex = Bomb("{% for i in (1..1000000000) %}x{% endfor %}");

        Assert.Contains("more than 10000 items", ex.Message);
    }

    [Fact]
    public void Render_FailsWithRangeMessage_WhenHugeRangeIsAssigned()
    {
        var ex = Bomb("{% assign r = (1..100000000) %}{{ r | size }}");

        Assert.Contains("more than 10000 items", ex.Message);
    }

    [Fact]
    public void Render_FailsWithLengthMessage_WhenAssignDoublesAString()
    {
        var ex = Bomb("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}");

        Assert.Contains("longer than 200000 characters", ex.Message);
    }

    [Fact]
    public void Render_FailsWithLengthMessage_WhenCaptureDoublesAString()
    {
        var ex = Bomb("{% capture s %}xxxxxxxxxx{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}");

        Assert.Contains("longer than 200000 characters", ex.Message);
    }

    [Fact]
    public void Render_FailsWithLengthMessage_WhenJoinWouldMultiplyAString()
    {
        var ex = Bomb("{% assign s = 'xxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..8) %}{% assign s = s | append: s %}{% endfor %}{{ s | split: '' | join: s | size }}");

        Assert.Contains("longer than 200000 characters", ex.Message);
    }

    [Fact]
    public void Render_FailsWithLengthMessage_WhenReplaceWouldMultiplyAString()
    {
        var ex = Bomb("{% assign s = 'xxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..12) %}{% assign s = s | append: s %}{% endfor %}{{ s | replace: 'x', s | size }}");

        Assert.Contains("longer than 200000 characters", ex.Message);
    }

    [Fact]
    public void Render_FailsWithLengthMessage_WhenOutputIsHuge()
    {
        var ex = Bomb("{% for i in (1..5000) %}" + new string('x', 100) + "{% endfor %}");

        Assert.Contains("longer than 200000 characters", ex.Message);
        Assert.Contains("oltre 200000 caratteri", ex.Message);
    }

    [Fact]
    public void Render_Succeeds_WhenTemplateStaysWithinLimits()
    {
        var renderer = new FluidEmailTemplateRenderer(new SingleTemplateCatalog(
            "subject: Prova\n---\n{% for i in (1..100) %}{{ i }},{% endfor %}{% assign s = 'ab' | append: 'cd' %}{{ s }}"));

        var email = renderer.Render(SingleTemplateCatalog.Name, "it", []);

        Assert.StartsWith("1,2,3,", email.TextBody);
        Assert.EndsWith("100,abcd", email.TextBody.TrimEnd());
    }
}
