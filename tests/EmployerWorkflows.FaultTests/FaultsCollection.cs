using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.FaultTests;

/// <summary>
/// The fault runs load the machine on purpose: they run one at a time, sharing one PostgreSQL server (the one of
/// <c>./test.sh</c>, or a throwaway one).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "Faults";
}
