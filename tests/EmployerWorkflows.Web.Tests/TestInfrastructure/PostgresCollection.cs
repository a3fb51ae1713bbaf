using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Web.Tests.TestInfrastructure;

/// <summary>One PostgreSQL server for every class of this assembly marked [Collection(PostgresCluster.Collection)].</summary>
[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;
