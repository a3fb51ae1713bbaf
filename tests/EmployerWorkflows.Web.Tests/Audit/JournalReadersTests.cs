namespace EmployerWorkflows.Web.Tests.Audit;

/// <summary>The projection is in one place only if nothing else reads the journal.</summary>
public sealed class JournalReadersTests
{
    // The designer's sandbox reads its own throwaway store, which holds no real company's data.
    private static readonly string[] Allowed = ["Features/Audit/JournalReader.cs", "Features/Designer/Sandbox/SandboxSession.cs"];

    [Fact]
    public void WebSources_ReadTheJournalOnlyThroughJournalReader_WhenTheyShowEntries()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "EmployerWorkflows.Web");
        var readers = Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("JournalQueries", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order().ToList();

        Assert.Equal(Allowed.Order(), readers);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EmployerWorkflows.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("EmployerWorkflows.sln not found above the test binaries.");
    }
}
