using System.Diagnostics;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Benchmarks;

/// <summary>The measured runtime workloads, one command at a time as requests would arrive.</summary>
public static class RuntimeScenarios
{
    public static readonly WorkflowActor Submitter =
        new("u-submitter", "VRDLGU75B12F205X", "Luigi Verdi", new HashSet<string>(), Guid.Parse("0b6c8a2e-5a0e-4d7a-9a43-3f1c2d9e7b11"));

    public static readonly WorkflowActor Reviewer =
        new("u-reviewer", "RSSMRA80A01H501U", "Mario Rossi", new HashSet<string> { "AgencyReviewer" }, null);

    /// <summary>Each start opens a task, schedules a timer, renders and queues an email and journals.</summary>
    public static async Task<(List<Guid> Ids, TimeSpan Elapsed)> StartAsync(BenchRuntime runtime, int count)
    {
        var ids = new List<Guid>(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var result = await runtime.Engine.StartAsync(new StartWorkflow(
                BenchRuntime.DefinitionId, null, Variables(i), null, Submitter.CompanyId, Submitter));
            ids.Add(result.InstanceId);
        }
        return (ids, watch.Elapsed);
    }

    /// <summary>Each fire evaluates a guard, closes the task, cancels the timer, completes the instance and journals.</summary>
    public static async Task<TimeSpan> FireAsync(BenchRuntime runtime, IReadOnlyList<Guid> ids)
    {
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var result = await runtime.Engine.FireAsync(new FireTrigger(id, "approve", Reviewer));
            if (result.State != "Approved")
                throw new InvalidOperationException($"Instance {id} ended in {result.State}.");
        }
        return watch.Elapsed;
    }

    /// <summary>Makes every pending timer due and sweeps them all.</summary>
    public static async Task<(int Fired, TimeSpan Elapsed)> SweepAsync(BenchRuntime runtime)
    {
        runtime.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        var report = await runtime.Sweep.RunAsync();
        return (report.Fired, watch.Elapsed);
    }

    private static JsonObject Variables(int i) => new()
    {
        ["submitter"] = new JsonObject { ["email"] = $"user{i}@example.it", ["name"] = $"Utente {i}", ["language"] = "it" },
        ["company"] = $"Azienda {i} srl",
        ["amount"] = 500,
    };
}
