using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// Hangfire keeps process-wide state, so classes that start the host run one at a time. They share the
/// throwaway PostgreSQL server; each takes its own database from it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebHostCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "web-host";
}
