using EmployerWorkflows.TestInfrastructure;
using Npgsql;

namespace EmployerWorkflows.Web.Tests.TestInfrastructure;

[Collection(PostgresCluster.Collection)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task CreateDatabase_ReturnsQueryableDatabase_WhenCalled()
    {
        var connectionString = await cluster.CreateDatabaseAsync("selftest");

        Assert.Equal(1, await ScalarAsync<int>(connectionString, "SELECT 1"));
    }

    [Fact]
    public async Task CreateDatabase_ReturnsDistinctDatabases_WhenCalledTwice()
    {
        var first = await cluster.CreateDatabaseAsync("selftest");
        var second = await cluster.CreateDatabaseAsync("selftest");

        var firstName = await ScalarAsync<string>(first, "SELECT current_database()");
        var secondName = await ScalarAsync<string>(second, "SELECT current_database()");
        Assert.StartsWith("selftest_", firstName);
        Assert.StartsWith("selftest_", secondName);
        Assert.NotEqual(firstName, secondName);
    }

    [Fact]
    public async Task CreateDatabase_IsolatesData_BetweenDatabases()
    {
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();

        await ScalarAsync<int>(first, "CREATE TABLE company (name text); INSERT INTO company VALUES ('Rossi Srl'); SELECT 0");

        Assert.Equal(1L, await ScalarAsync<long>(first, "SELECT count(*) FROM company"));
        Assert.False(await ScalarAsync<bool>(second, "SELECT to_regclass('company') IS NOT NULL"));
    }

    [Fact]
    public async Task CreateDatabase_SanitisesPrefix_WhenPrefixHasUnsafeCharacters()
    {
        var connectionString = await cluster.CreateDatabaseAsync("Scale-Out Test; DROP");

        var name = await ScalarAsync<string>(connectionString, "SELECT current_database()");
        Assert.StartsWith("scale_out_test__drop_", name);
    }

    [Fact]
    public async Task ConnectionString_ConnectsToAdminDatabase()
    {
        Assert.Equal("postgres", await ScalarAsync<string>(cluster.ConnectionString, "SELECT current_database()"));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
