using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>A database with the review definition published and one company to activate.</summary>
public sealed class ReviewScenario : IDisposable
{
    private ReviewScenario(TestDatabase database, RuntimeHost host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }
    public RuntimeHost Host { get; private set; }
    public Guid CompanyId { get; } = Actors.CompanyId;
    public IWorkflowEngine Engine => Host.Engine;

    public static async Task<ReviewScenario> CreateAsync(string? postgresConnectionString = null)
    {
        var database = new TestDatabase(postgresConnectionString);
        var scenario = new ReviewScenario(database, new RuntimeHost(database));
        await scenario.Host.PublishAsync(TestDefinitions.Review);
        await using var db = database.Open();
        db.Companies.Add(new TestCompany { Id = Actors.CompanyId, Name = "Rossi Costruzioni srl" });
        await db.SaveChangesAsync();
        return scenario;
    }

    /// <summary>Simulates a restart: the old process is gone, a new one opens the same database file.</summary>
    public RuntimeHost Restart(string nodeId = "node-a")
    {
        var clock = Host.Clock;
        Host.Dispose();
        Host = new RuntimeHost(Database, clock, nodeId);
        return Host;
    }

    public JsonObject Variables(decimal amount = 500) => new()
    {
        ["submitter"] = new JsonObject
        {
            ["email"] = "luigi.verdi@example.it", ["name"] = "Luigi Verdi", ["language"] = "en", ["userId"] = "u-submitter",
        },
        ["submitterUserId"] = "u-submitter",
        ["companyId"] = CompanyId.ToString(),
        ["amount"] = amount,
    };

    public async Task<WorkflowResult> StartAsync(decimal amount = 500) =>
        await Engine.StartAsync(new StartWorkflow("review", null, Variables(amount), "REG-1", CompanyId, Actors.Submitter));

    public Task<WorkflowResult> FireAsync(Guid instanceId, string trigger, WorkflowActor? actor = null, JsonObject? payload = null,
        long? expectedVersion = null, string? key = null) =>
        Engine.FireAsync(new FireTrigger(instanceId, trigger, actor ?? Actors.Reviewer, payload, expectedVersion, key));

    /// <summary>Counts of every row the runtime writes, to prove a failed command left nothing behind.</summary>
    public async Task<string> FootprintAsync()
    {
        await using var db = Database.Open();
        var instances = await db.Set<Persistence.WorkflowInstance>().AsNoTracking()
            .OrderBy(i => i.Id).Select(i => $"{i.State}/{i.Status}/{i.Version}/{i.Variables}").ToListAsync();
        return string.Join(";", instances) +
            $"|journal={await db.Set<Runtime.Journal.JournalEntry>().CountAsync()}" +
            $"|openTasks={await db.Set<Persistence.WorkflowTask>().CountAsync(t => t.Status == Persistence.WorkflowTaskStatus.Open)}" +
            $"|tasks={await db.Set<Persistence.WorkflowTask>().CountAsync()}" +
            $"|pendingTimers={await db.Set<Persistence.WorkflowTimer>().CountAsync(t => t.Status == Persistence.TimerStatus.Pending)}" +
            $"|timers={await db.Set<Persistence.WorkflowTimer>().CountAsync()}" +
            $"|outbox={await db.Set<Outbox.OutboxMessage>().CountAsync()}" +
            $"|active={await db.Companies.CountAsync(c => c.Active)}";
    }

    public void Dispose()
    {
        Host.Dispose();
        Database.Dispose();
    }
}
