using Microsoft.Data.Sqlite;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// A SQLite database prepared once per test process (migrated and seeded by whatever <c>prepare</c> does, usually
/// one start of the real host) and copied for every host that needs a fresh database of its own: a file copy
/// takes milliseconds, migrating and seeding takes seconds on a busy machine.
/// </summary>
public sealed class SqliteTemplate
{
    private readonly Lazy<Task<string>> file;

    /// <param name="prepare">Creates and fills the database at the path it is given.</param>
    public SqliteTemplate(Func<string, Task> prepare)
    {
        // Task.Run: the first caller may block on the result from a synchronous host start; the preparation must
        // not need that caller's synchronization context to finish.
        file = new Lazy<Task<string>>(() => Task.Run(() => CreateAsync(prepare)));
    }

    /// <summary>Writes a copy of the prepared database to <paramref name="path"/> (which must not exist yet).</summary>
    public void CopyTo(string path) => File.Copy(file.Value.GetAwaiter().GetResult(), path);

    private static async Task<string> CreateAsync(Func<string, Task> prepare)
    {
        var folder = new TempDirectory("sqlite-template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var prepared = folder.Combine("prepared.db");
        await prepare(prepared);

        // VACUUM INTO writes one self-contained file, including what the prepared database still keeps in its
        // write-ahead log, so a plain file copy of the result is a complete database.
        var template = folder.Combine("template.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = prepared, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $path";
        vacuum.Parameters.AddWithValue("$path", template);
        await vacuum.ExecuteNonQueryAsync();
        return template;
    }
}
