using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Runtime.Tests.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Templates;

/// <summary>The templates in <c>workflows/templates</c> parse and render in both languages.</summary>
public sealed class ShippedTemplatesTests
{
    private static readonly FileTemplateCatalog Catalog = new(Path.Combine(WorkflowsFolder.Path, "templates"));

    public static TheoryData<string> Names => new(Catalog.Names());

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_ProducesDifferentSubjectAndBody_InBothLanguages(string name)
    {
        var renderer = new FluidEmailTemplateRenderer(Catalog);
        var model = new JsonObject { ["company"] = new JsonObject { ["name"] = "Acme S.r.l." } };

        var italian = renderer.Render(name, "it", model);
        var english = renderer.Render(name, "en", model);
        Assert.False(string.IsNullOrWhiteSpace(italian.Subject));
        Assert.False(string.IsNullOrWhiteSpace(italian.TextBody));
        Assert.False(string.IsNullOrWhiteSpace(english.TextBody));
        Assert.NotEqual(italian.Subject, english.Subject);
    }

    [Fact]
    public void Catalog_ShipsEnglishVersion_OfEveryTemplate()
    {
        foreach (var name in Catalog.Names())
        {
            Assert.True(File.Exists(Path.Combine(WorkflowsFolder.Path, "templates", "en", name + ".liquid")), name);
        }
    }
}
