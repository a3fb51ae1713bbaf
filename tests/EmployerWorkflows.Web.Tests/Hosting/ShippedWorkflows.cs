namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>The repository's <c>workflows/</c> folder: the definitions, forms and templates that ship.</summary>
public static class ShippedWorkflows
{
    public static string Folder { get; } = Find();

    /// <summary>Every <c>*.workflow.json</c> file name, for theories over the shipped procedures.</summary>
    public static IEnumerable<string> DefinitionFiles => Directory.GetFiles(Folder, "*.workflow.json").Select(f => Path.GetFileName(f)).Order();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EmployerWorkflows.sln"))) return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("workflows");
    }
}
