namespace EmployerWorkflows.Web.Hosting;

/// <summary>
/// Where the application keeps its files. From a checkout the home is the repository root (the folder holding
/// EmployerWorkflows.sln), so the root appsettings.json, workflows/ and App_Data/ are found whether the host is
/// started by <c>dotnet run</c> or by a test; a published copy uses its own content root.
/// </summary>
public static class AppPaths
{
    public static string FindHome(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EmployerWorkflows.sln")))
                return dir.FullName;
        return contentRoot;
    }

    /// <summary>A configured path, relative to the home when not absolute; the default when empty.</summary>
    public static string Resolve(string home, string? configured, string fallback) =>
        Path.GetFullPath(Path.Combine(home, string.IsNullOrWhiteSpace(configured) ? fallback : configured));
}
