namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>Where the checkout and the Web project's build output are, seen from the running tests.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The Web project's own build output, in the configuration these tests were built with: that folder has the
    /// app's runtimeconfig and deps files, so <c>dotnet EmployerWorkflows.Web.dll</c> starts exactly what ships.
    /// </summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
            var path = Path.Combine(Root, "src", "EmployerWorkflows.Web", "bin", configuration, "net10.0", "EmployerWorkflows.Web.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing: build EmployerWorkflows.sln first.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EmployerWorkflows.sln")))
                return dir.FullName;
        throw new InvalidOperationException("EmployerWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
