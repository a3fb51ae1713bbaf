using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Tests.Definitions;

namespace EmployerWorkflows.Runtime.Tests.Forms;

public sealed class FileFormCatalogTests : IDisposable
{
    private readonly FormFolder _folder = new FormFolder()
        .Write("appeal.form.json", FormFolder.Form("appeal", "motivation"))
        .Write("broken.form.json", """{ "id": "broken", "fields": [] }""")
        .Write("renamed.form.json", FormFolder.Form("original"))
        .Write("notes.json", FormFolder.Form("notes"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Get_ReturnsForm_WhenFileIsValid()
    {
        var form = new FileFormCatalog(_folder.Root).Get("appeal");

        Assert.Equal("motivation", form!.Fields.Single().Name);
    }

    [Fact]
    public void Get_ReturnsNull_WhenFormIsUnknown()
    {
        Assert.Null(new FileFormCatalog(_folder.Root).Get("missing"));
    }

    [Fact]
    public void Exists_ReturnsFalse_WhenFileIsBroken()
    {
        Assert.False(new FileFormCatalog(_folder.Root).Exists("broken"));
    }

    [Fact]
    public void Problems_NameFileAndError_WhenFileIsBroken()
    {
        var problem = Assert.Single(new FileFormCatalog(_folder.Root).Problems, p => p.File == "broken.form.json");

        Assert.Equal(("$.title", "schema"), (problem.Error.Path, problem.Error.Code));
    }

    [Fact]
    public void Problems_ReportMismatch_WhenIdDiffersFromFileName()
    {
        var catalog = new FileFormCatalog(_folder.Root);

        var problem = Assert.Single(catalog.Problems, p => p.File == "renamed.form.json");
        Assert.Equal("form-id-mismatch", problem.Error.Code);
        Assert.False(catalog.Exists("original"));
    }

    [Fact]
    public void All_IgnoresFiles_WithoutFormSuffix()
    {
        Assert.Equal(["appeal"], new FileFormCatalog(_folder.Root).All.Select(f => f.Id));
    }

    [Fact]
    public void Exists_SeesNewFile_AfterRefresh()
    {
        var catalog = new FileFormCatalog(_folder.Root);
        Assert.False(catalog.Exists("dispute"));
        _folder.Write("dispute.form.json", FormFolder.Form("dispute"));

        catalog.Refresh();

        Assert.True(catalog.Exists("dispute"));
    }

    [Fact]
    public void All_IsEmpty_WhenFolderDoesNotExist()
    {
        Assert.Empty(new FileFormCatalog(Path.Combine(_folder.Root, "absent")).All);
    }

    [Fact]
    public void ShippedForms_LoadWithoutProblems()
    {
        var catalog = new FileFormCatalog(Path.Combine(WorkflowsFolder.Path, "forms"));

        Assert.Empty(catalog.Problems);
        Assert.Subset(catalog.All.Select(f => f.Id).ToHashSet(), new HashSet<string> { "company-integration", "company-review" });
    }

    [Fact]
    public void ShippedReviewForm_HasMultilineReason()
    {
        var review = new FileFormCatalog(Path.Combine(WorkflowsFolder.Path, "forms")).Get("company-review");

        Assert.Equal(FormFieldType.Multiline, review!.Field("reason")!.Type);
    }
}
