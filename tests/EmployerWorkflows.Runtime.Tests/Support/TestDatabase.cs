using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>
/// A fresh database for one test: by default a SQLite file in WAL mode under the temp folder, deleted on dispose;
/// or an empty PostgreSQL database given by its connection string.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase(string? postgresConnectionString = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ew-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "runtime.db");
        Options = postgresConnectionString is null
            ? TestDbContext.Options(FilePath)
            : TestDbContext.PostgresOptions(postgresConnectionString);
        Contexts = new TestDbContextFactory(Options);
        using var db = Contexts.Create();
        db.Database.EnsureCreated();
        if (postgresConnectionString is null)
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string Folder { get; }
    public string FilePath { get; }
    public DbContextOptions<TestDbContext> Options { get; }
    public TestDbContextFactory Contexts { get; }

    public TestDbContext Open() => Contexts.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread is left for the OS temp cleanup.
        }
    }
}
