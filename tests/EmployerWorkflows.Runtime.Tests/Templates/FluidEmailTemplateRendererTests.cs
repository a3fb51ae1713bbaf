using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Tests.Templates;

public sealed class FluidEmailTemplateRendererTests : IDisposable
{
    private readonly TemplateFolder _folder = new TemplateFolder()
        .Write("it", "approved", """
            subject: Registrazione di {{ company.name }} approvata
            ---
            Gentile {{ recipient.name }},
            la registrazione è approvata.

            Sedi:
            {% for site in company.sites %}- {{ site.city }}
            {% endfor %}
            """)
        .Write("en", "approved", """
            subject: Registration of {{ company.name }} approved
            ---
            Dear {{ recipient.name }},
            the registration is approved.
            """)
        .Write("it", "italian-only", "subject: Solo {{ company.name }}\n---\nTesto")
        .Write("it", "broken", "subject: Ok\n---\n{% for x in items %}never closed")
        .Write("it", "no-separator", "subject: Ok\nbody without separator")
        .Write("it", "reason", "subject: Esito\n---\nMotivo: {{ reason }}");

    private readonly FluidEmailTemplateRenderer _renderer;

    public FluidEmailTemplateRendererTests()
    {
        _renderer = new FluidEmailTemplateRenderer(new FileTemplateCatalog(_folder.Root));
    }

    public void Dispose() => _folder.Dispose();

    private static JsonObject Model() => new()
    {
        ["recipient"] = new JsonObject { ["name"] = "Anna Bianchi" },
        ["company"] = new JsonObject
        {
            ["name"] = "Acme S.r.l.",
            ["sites"] = new JsonArray(new JsonObject { ["city"] = "Milano" }, new JsonObject { ["city"] = "Lugano" }),
        },
    };

    [Fact]
    public void Render_UsesTheEditedText_AndKeepsOneParsedTextPerTemplate_WhenTextIsEditedManyTimes()
    {
        var catalog = new FileTemplateCatalog(_folder.Root);
        var renderer = new FluidEmailTemplateRenderer(catalog);

        for (var edit = 1; edit <= 5; edit++)
        {
            catalog.UseSaved(new Dictionary<(string Language, string Name), string>
            {
                [("it", "reason")] = $"subject: Esito {edit}\n---\nMotivo: {{{{ reason }}}}",
            });
            Assert.Equal($"Esito {edit}", renderer.Render("reason", "it", new JsonObject { ["reason"] = "x" }).Subject);
        }

        Assert.Equal("Registrazione di Acme S.r.l. approvata", renderer.Render("approved", "it", Model()).Subject);
        Assert.Equal(2, renderer.CachedCount);
    }

    [Fact]
    public void Render_FillsNestedValuesInSubject_WhenLanguageIsItalian()
    {
        Assert.Equal("Registrazione di Acme S.r.l. approvata", _renderer.Render("approved", "it", Model()).Subject);
    }

    [Fact]
    public void Render_LoopsOverArraysInBody_WhenModelHasArray()
    {
        var email = _renderer.Render("approved", "it", Model());

        Assert.Equal("Gentile Anna Bianchi,\nla registrazione è approvata.\n\nSedi:\n- Milano\n- Lugano\n", email.TextBody);
    }

    [Fact]
    public void Render_UsesEnglishTemplate_WhenLanguageIsEnglish()
    {
        var email = _renderer.Render("approved", "en", Model());

        Assert.Equal("Registration of Acme S.r.l. approved", email.Subject);
        Assert.Equal("Dear Anna Bianchi,\nthe registration is approved.", email.TextBody);
    }

    [Fact]
    public void Render_FallsBackToItalian_WhenEnglishFileIsMissing()
    {
        Assert.Equal("Solo Acme S.r.l.", _renderer.Render("italian-only", "en", Model()).Subject);
    }

    [Fact]
    public void Render_ThrowsTemplateException_WhenTemplateIsUnknown()
    {
        var ex = Assert.Throws<TemplateException>(() => _renderer.Render("missing", "it", Model()));

        Assert.Equal("missing", ex.Template);
    }

    [Fact]
    public void Render_ThrowsTemplateException_WhenLiquidIsBroken()
    {
        var ex = Assert.Throws<TemplateException>(() => _renderer.Render("broken", "it", Model()));

        Assert.Contains("not valid Liquid", ex.Message);
    }

    [Fact]
    public void Render_ThrowsTemplateException_WhenSeparatorIsMissing()
    {
        Assert.Throws<TemplateException>(() => _renderer.Render("no-separator", "it", Model()));
    }

    [Fact]
    public void Render_EncodesMarkupInHtmlBody_WhenValueContainsHtml()
    {
        var email = _renderer.Render("reason", "it", new JsonObject { ["reason"] = "<script>alert('x')</script> & co" });

        Assert.Equal("<p>Motivo: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>\n", email.HtmlBody);
    }

    [Fact]
    public void Render_KeepsTextBodyUnencoded_WhenValueContainsHtml()
    {
        var email = _renderer.Render("reason", "it", new JsonObject { ["reason"] = "<b>A & B</b>" });

        Assert.Equal("Motivo: <b>A & B</b>", email.TextBody);
    }

    [Fact]
    public void Render_MakesParagraphsAndLineBreaks_InHtmlBody()
    {
        var email = _renderer.Render("approved", "en", Model());

        Assert.Equal("<p>Dear Anna Bianchi,<br>\nthe registration is approved.</p>\n", email.HtmlBody);
    }

    [Fact]
    public void Render_RendersNumbersAndBooleans_WhenModelHasThem()
    {
        _folder.Write("it", "numbers", "subject: {{ count | plus: 1 }}\n---\n{% if active %}attiva{% endif %}");

        var email = _renderer.Render("numbers", "it", new JsonObject { ["count"] = 2, ["active"] = true });

        Assert.Equal(("3", "attiva"), (email.Subject, email.TextBody));
    }
}
