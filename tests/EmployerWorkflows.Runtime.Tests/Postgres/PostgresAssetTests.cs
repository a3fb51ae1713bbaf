using EmployerWorkflows.Runtime.Tests.Assets;
using EmployerWorkflows.Runtime.Tests.Support;
using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Runtime.Tests.Postgres;

/// <summary>Saves of templates racing from two nodes on PostgreSQL, where they really run in parallel.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresAssetTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Postgres_OnlyOneOfTwoRacingSavesWins()
    {
        using var database = new TestDatabase(await cluster.CreateDatabaseAsync("assets"));
        var files = AssetNode.ShipFiles(Path.Combine(database.Folder, "workflows"));

        await ConcurrentSaves.OnlyOneWinsAsync(new AssetNode(files, database), new AssetNode(files, database));
    }
}
