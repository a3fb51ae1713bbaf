using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Tests.Templates;

public sealed class FileTemplateCatalogTests : IDisposable
{
    private readonly TemplateFolder _folder = new TemplateFolder()
        .Write("it", "welcome", "subject: Benvenuto\n---\nCiao")
        .Write("en", "welcome", "subject: Welcome\n---\nHello")
        .Write("en", "english-only", "subject: Only\n---\nEnglish");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Exists_ReturnsTrue_WhenItalianFileExists()
    {
        Assert.True(new FileTemplateCatalog(_folder.Root).Exists("welcome"));
    }

    [Fact]
    public void Exists_ReturnsFalse_WhenOnlyEnglishFileExists()
    {
        Assert.False(new FileTemplateCatalog(_folder.Root).Exists("english-only"));
    }

    [Theory]
    [InlineData("../it/welcome")]
    [InlineData("Welcome")]
    [InlineData("")]
    public void Exists_ReturnsFalse_WhenNameIsNotKebabCase(string name)
    {
        Assert.False(new FileTemplateCatalog(_folder.Root).Exists(name));
    }

    [Fact]
    public void GetSource_ReturnsEnglish_WhenLanguageTagIsRegional()
    {
        Assert.Equal("subject: Welcome\n---\nHello", new FileTemplateCatalog(_folder.Root).GetSource("welcome", "en-GB"));
    }

    [Fact]
    public void GetSource_FallsBackToItalian_WhenLanguageIsNotSupported()
    {
        Assert.Equal("subject: Benvenuto\n---\nCiao", new FileTemplateCatalog(_folder.Root).GetSource("welcome", "de"));
    }

    [Fact]
    public void GetSource_ReturnsNull_WhenTemplateIsUnknown()
    {
        Assert.Null(new FileTemplateCatalog(_folder.Root).GetSource("missing", "it"));
    }

    [Fact]
    public void GetSource_KeepsCachedText_UntilRefresh()
    {
        var catalog = new FileTemplateCatalog(_folder.Root);
        catalog.GetSource("welcome", "it");
        _folder.Write("it", "welcome", "subject: Nuovo\n---\nCiao");

        var before = catalog.GetSource("welcome", "it");
        catalog.Refresh();

        Assert.Equal("subject: Benvenuto\n---\nCiao", before);
        Assert.Equal("subject: Nuovo\n---\nCiao", catalog.GetSource("welcome", "it"));
    }

    [Fact]
    public void Exists_SeesNewTemplate_AfterRefresh()
    {
        var catalog = new FileTemplateCatalog(_folder.Root);
        Assert.False(catalog.Exists("farewell"));
        _folder.Write("it", "farewell", "subject: Arrivederci\n---\n");

        catalog.Refresh();

        Assert.True(catalog.Exists("farewell"));
    }

    [Fact]
    public void Names_ListsItalianTemplates_Sorted()
    {
        _folder.Write("it", "approval", "subject: a\n---\n");

        Assert.Equal(["approval", "welcome"], new FileTemplateCatalog(_folder.Root).Names());
    }
}
