namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// A fresh, uniquely named folder under the system temp directory, deleted with everything in it on dispose.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? prefix = null)
    {
        Path = Directory.CreateTempSubdirectory($"ew-{prefix ?? "test"}-").FullName;
    }

    /// <summary>A folder directly under <paramref name="parent"/> instead of the user's temp directory.</summary>
    internal TempDirectory(string prefix, string parent)
    {
        Path = System.IO.Path.Combine(parent, $"ew-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Absolute path of <paramref name="relativePath"/> inside this folder (not created).</summary>
    public string Combine(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    public void Dispose() => DeleteQuietly(Path);

    /// <summary>
    /// Deletes a folder tree, retrying briefly: a process that was just killed (an SMTP server, a SQLite pool)
    /// may still hold a file for a moment. A leftover temp folder must not fail a test.
    /// </summary>
    internal static void DeleteQuietly(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
