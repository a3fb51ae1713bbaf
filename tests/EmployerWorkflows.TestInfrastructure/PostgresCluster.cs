using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// xunit fixture giving tests a real PostgreSQL server: the one named by <c>EW_TEST_POSTGRES</c> (test.sh
/// starts one for the whole run), otherwise a throwaway server of its own, stopped on dispose.
/// Each test takes its own database from <see cref="CreateDatabaseAsync"/>, so tests never share data.
/// </summary>
/// <remarks>
/// Share one instance per test assembly with a collection: xunit only reads collection definitions from
/// the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(PostgresCluster.Collection)] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresCluster&gt;;</c>
/// and marks its classes <c>[Collection(PostgresCluster.Collection)]</c>.
/// </remarks>
public sealed partial class PostgresCluster : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Environment variable holding the admin connection string of an already running server.</summary>
    public const string EnvironmentVariable = "EW_TEST_POSTGRES";

    /// <summary>Conventional xunit collection name for classes sharing one cluster.</summary>
    public const string Collection = "Postgres";

    private readonly ConcurrentBag<string> _createdDatabases = [];
    private ThrowawayPostgres? _ownServer;
    private string? _connectionString;

    /// <summary>Connection string of the admin database <c>postgres</c>.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("PostgresCluster is not started: await InitializeAsync() first.");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            _ownServer = await ThrowawayPostgres.StartAsync();
            configured = _ownServer.ConnectionString;
        }
        _connectionString = configured;
        await EnsureReachableAsync(configured);
    }

    /// <summary>
    /// Creates an empty database with a unique name (starting with <paramref name="prefix"/>) and returns
    /// its Npgsql connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{SafePrefix(prefix)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        _createdDatabases.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownServer is not null)
        {
            await _ownServer.StopAsync();
            _ownServer = null;
        }
        else if (_connectionString is not null)
        {
            // A server we do not own may outlive the run: leave it as we found it.
            await DropCreatedDatabasesAsync(_connectionString);
        }
        _connectionString = null;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private async Task DropCreatedDatabasesAsync(string adminConnectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            while (_createdDatabases.TryTake(out var name))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // Cleanup of a shared server is a courtesy; a server already gone must not fail the run.
        }
    }

    private static async Task EnsureReachableAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at '{connectionString}' is not reachable. Run ./test.sh from the repository root, "
                + $"or unset {EnvironmentVariable} to let the tests start their own server.", ex);
        }
    }

    private static string SafePrefix(string? prefix)
    {
        // Database names are limited to 63 bytes; 32 go to the Guid and one to the separator.
        var safe = NotIdentifierCharacters().Replace((prefix ?? "test").ToLowerInvariant(), "_");
        return safe.Length switch
        {
            0 => "test",
            > 30 => safe[..30],
            _ => safe,
        };
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();
}
