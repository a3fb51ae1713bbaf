using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Timers;

/// <summary>
/// Procedures whose one-day deadline activates their company: a timer that fails (its company is missing) beside
/// timers that succeed, swept in groups of <c>groupSize</c>.
/// </summary>
internal sealed class DeadlineScenario : IDisposable
{
    private static readonly string Definition =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Timers", "deadline-activation.workflow.json"));

    private readonly int _groupSize;

    private DeadlineScenario(TestDatabase database, int groupSize)
    {
        Database = database;
        _groupSize = groupSize;
        Host = Node("node-a", null);
    }

    public TestDatabase Database { get; }
    public RuntimeHost Host { get; }

    public static async Task<DeadlineScenario> CreateAsync(int groupSize, string? postgresConnectionString = null)
    {
        var scenario = new DeadlineScenario(new TestDatabase(postgresConnectionString), groupSize);
        await scenario.Host.PublishAsync(Definition);
        return scenario;
    }

    /// <summary>Another application process sweeping the same database with the same clock.</summary>
    public RuntimeHost Node(string nodeId) => Node(nodeId, Host.Clock);

    private RuntimeHost Node(string nodeId, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock) =>
        new(Database, clock, nodeId, services => services.Configure<WorkflowRuntimeOptions>(o => o.SweepBatchSize = _groupSize));

    /// <summary>Starts a procedure for a new company; without the company row its activation fails.</summary>
    public async Task<Guid> StartAsync(bool companyExists = true)
    {
        var companyId = Guid.NewGuid();
        if (companyExists)
        {
            await using var db = Database.Open();
            db.Companies.Add(new TestCompany { Id = companyId, Name = $"Azienda {companyId:N}" });
            await db.SaveChangesAsync();
        }
        var result = await Host.Engine.StartAsync(new StartWorkflow("deadline-activation", null,
            new JsonObject { ["companyId"] = companyId.ToString() }, null, null, Actors.Submitter));
        return result.InstanceId;
    }

    public void MakeDeadlinesDue() => Host.Clock.Advance(TimeSpan.FromDays(1));

    /// <summary>How many times each instance went through the <c>activate</c> transition, per journal.</summary>
    public async Task<Dictionary<Guid, int>> ActivationsAsync()
    {
        await using var db = Database.Open();
        return await db.Set<JournalEntry>()
            .Where(j => j.Kind == JournalKind.Transition && j.Trigger == "activate" && j.InstanceId != null)
            .GroupBy(j => j.InstanceId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    public async Task<int> CountTimersAsync(TimerStatus status)
    {
        await using var db = Database.Open();
        return await db.Set<WorkflowTimer>().CountAsync(t => t.Status == status);
    }

    public void Dispose()
    {
        Host.Dispose();
        Database.Dispose();
    }
}
