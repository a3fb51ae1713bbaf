using Microsoft.Data.Sqlite;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>Real SQLite database files for tests.</summary>
public static class Sqlite
{
    /// <summary>
    /// A SQLite file path in its own temp folder (the file itself is created by the first connection).
    /// Dispose clears the connection pools so the file is no longer held, then deletes the folder.
    /// </summary>
    public sealed class TempDatabase : IDisposable
    {
        private readonly TempDirectory _directory;

        public TempDatabase(string? name = null)
        {
            _directory = new TempDirectory("sqlite");
            Path = _directory.Combine($"{name ?? "test"}.db");
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Mode = SqliteOpenMode.ReadWriteCreate,
            }.ToString();
        }

        /// <summary>Absolute path of the database file.</summary>
        public string Path { get; }

        /// <summary>Microsoft.Data.Sqlite connection string of the database file.</summary>
        public string ConnectionString { get; }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }
}
