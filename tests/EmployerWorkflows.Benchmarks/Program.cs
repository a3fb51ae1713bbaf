using System.Diagnostics;
using EmployerWorkflows.Benchmarks;
using EmployerWorkflows.Benchmarks.Http;

// Usage: dotnet run -c Release --project tests/EmployerWorkflows.Benchmarks [-- --postgres "<connstring>"] [--count N] [--timers N]
//        [--open-tasks N] [--requests N] [--inbox-rows N] [--no-http] [--only-http]
// The PostgreSQL database named in the connection string is dropped and recreated: give it a scratch database.
var count = 5_000;
var dueTimers = 10_000;
int openTasks = 1_000, requests = 400, inboxRows = 1_000_000;
string? postgres = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--postgres")
        postgres = args[i + 1];
    if (args[i] == "--count")
        count = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[i] == "--timers")
        dueTimers = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[i] == "--open-tasks")
        openTasks = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[i] == "--requests")
        requests = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[i] == "--inbox-rows")
        inboxRows = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
}
var runtimeFigures = !args.Contains("--only-http");
var httpFigures = !args.Contains("--no-http");

Console.WriteLine($"EmployerWorkflows benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {count:N0} sequential commands per runtime figure, best of 3 rounds");
if (runtimeFigures)
{
    await RunAsync(BenchDatabase.Sqlite(), count, dueTimers);
    if (postgres is not null)
        await RunAsync(BenchDatabase.Postgres(postgres), count, dueTimers);
}
if (httpFigures)
    await HttpBenchmark.RunAsync(openTasks, requests, inboxRows);
Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");

static async Task RunAsync(BenchDatabase database, int count, int dueTimers)
{
    Console.WriteLine();
    Console.WriteLine($"== {database.Provider} ({database.Description})");
    using var runtime = new BenchRuntime(database);
    await runtime.PublishAsync();

    // Warm-up: JIT, EF model and compiled queries, definition cache, Jint and Fluid caches.
    var (warm, _) = await RuntimeScenarios.StartAsync(runtime, 200);
    await RuntimeScenarios.FireAsync(runtime, warm);
    var baseline = new RawBaseline(database);
    var (warmRaw, _) = await baseline.StartAsync(200, runtime.Clock.GetUtcNow());
    await baseline.FireAsync(warmRaw, runtime.Clock.GetUtcNow());

    // Other work on the machine disturbs single runs, so each figure is the best of three rounds; the runtime and
    // the baseline alternate within a round so both see the same conditions.
    TimeSpan startTime = TimeSpan.MaxValue, fireTime = TimeSpan.MaxValue, rawStartTime = TimeSpan.MaxValue, rawFireTime = TimeSpan.MaxValue;
    var memory = new List<Memory>();
    for (var round = 0; round < 3; round++)
    {
        var (ids, starts) = await RuntimeScenarios.StartAsync(runtime, count);
        memory.Add(Memory.Snapshot());
        var fires = await RuntimeScenarios.FireAsync(runtime, ids);
        var (rawIds, rawStarts) = await baseline.StartAsync(count, runtime.Clock.GetUtcNow());
        var rawFires = await baseline.FireAsync(rawIds, runtime.Clock.GetUtcNow());
        startTime = Min(startTime, starts);
        fireTime = Min(fireTime, fires);
        rawStartTime = Min(rawStartTime, rawStarts);
        rawFireTime = Min(rawFireTime, rawFires);
    }

    await RuntimeScenarios.StartAsync(runtime, dueTimers);
    var (fired, sweepTime) = await RuntimeScenarios.SweepAsync(runtime);

    Report("starts/s (task + timer + rendered email + journal)", count / startTime.TotalSeconds, count / rawStartTime.TotalSeconds);
    Report("fires/s (guard, close task, cancel timer, complete, journal)", count / fireTime.TotalSeconds, count / rawFireTime.TotalSeconds);
    Report($"timers fired/s by the sweep ({fired:N0} due, in groups)", fired / sweepTime.TotalSeconds, count / rawFireTime.TotalSeconds);
    for (var i = 0; i < memory.Count; i++)
        Console.WriteLine($"  memory with {(i + 1) * count:N0} instances stored: managed heap {memory[i].ManagedMb,6:F1} MB, working set {memory[i].WorkingSetMb,6:F0} MB");
}

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

static void Report(string what, double runtime, double baseline) =>
    Console.WriteLine($"  {what,-58} {runtime,10:N0}   raw ADO.NET {baseline,10:N0}   runtime/baseline {runtime / baseline:P0}");

internal readonly record struct Memory(double ManagedMb, double WorkingSetMb)
{
    public static Memory Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        return new Memory(GC.GetTotalMemory(true) / 1024.0 / 1024.0, process.WorkingSet64 / 1024.0 / 1024.0);
    }
}
