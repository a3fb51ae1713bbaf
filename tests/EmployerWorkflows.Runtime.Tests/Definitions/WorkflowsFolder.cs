namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>Locates the repository's <c>workflows/</c> folder, so tests check the files that ship.</summary>
internal static class WorkflowsFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "schema")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No workflows/ folder above " + AppContext.BaseDirectory);
    }
}
