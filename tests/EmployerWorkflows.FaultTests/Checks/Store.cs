using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EmployerWorkflows.FaultTests.Checks;

/// <summary>
/// The app's database as the checks read it: plain SQL over the tables the app writes, on SQLite or PostgreSQL,
/// never through the app's own classes, so what is checked is what is stored.
/// </summary>
public sealed class Store(string provider, string connectionString)
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public static Store Sqlite(string path) => new("Sqlite", $"Data Source={path}");

    public static Store Postgres(string connectionString) => new("Postgres", connectionString);

    /// <summary>Environment variables that point a node at this database.</summary>
    public IReadOnlyDictionary<string, string> NodeSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider,
        [$"ConnectionStrings__{Provider}"] = ConnectionString,
    };

    public async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> row)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }

    public async Task<long> CountAsync(string sql) => (await ReadAsync(sql, r => Convert.ToInt64(r.GetValue(0))))[0];

    private DbConnection Open() => Provider == "Sqlite"
        ? new SqliteConnection(ConnectionString + ";Mode=ReadOnly")
        : new NpgsqlConnection(ConnectionString);

    /// <summary>A Guid column read the same way on both providers (text on SQLite, uuid on PostgreSQL).</summary>
    public static Guid Id(DbDataReader reader, int column) => Guid.Parse(Convert.ToString(reader.GetValue(column))!);

    public static Guid? OptionalId(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Id(reader, column);

    public static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
