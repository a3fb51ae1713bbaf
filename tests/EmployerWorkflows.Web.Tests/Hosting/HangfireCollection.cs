using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// Classes whose tests drive Hangfire itself (a job enqueued and read back from its storage, the dashboard, the
/// outbox jobs) run one at a time, after the parallel ones: Hangfire keeps process-wide globals, and although each
/// test host takes its own storage and activator (<see cref="HangfireGlobals"/>), these tests are about exactly
/// that machinery. They share the throwaway PostgreSQL server; each takes its own database from it.
/// </summary>
/// <remarks>Every other class runs in parallel with the rest, each on its own database.</remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "hangfire";
}
