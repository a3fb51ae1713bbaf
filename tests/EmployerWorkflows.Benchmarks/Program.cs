using System.Diagnostics;
using EmployerWorkflows.Benchmarks;

// Usage: dotnet run -c Release --project tests/EmployerWorkflows.Benchmarks [-- --postgres "<connstring>"] [--count N]
// The PostgreSQL database named in the connection string is dropped and recreated: give it a scratch database.
var count = 5_000;
const int dueTimers = 10_000;
string? postgres = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--postgres")
        postgres = args[i + 1];
    if (args[i] == "--count")
        count = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
}

Console.WriteLine($"EmployerWorkflows runtime benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {count:N0} commands per figure");
await RunAsync(BenchDatabase.Sqlite(), count, dueTimers);
if (postgres is not null)
    await RunAsync(BenchDatabase.Postgres(postgres), count, dueTimers);
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

    var (ids, startTime) = await RuntimeScenarios.StartAsync(runtime, count);
    var afterN = Memory.Snapshot();
    var fireTime = await RuntimeScenarios.FireAsync(runtime, ids);
    var (rawIds, rawStartTime) = await baseline.StartAsync(count, runtime.Clock.GetUtcNow());
    var rawFireTime = await baseline.FireAsync(rawIds, runtime.Clock.GetUtcNow());
    await RuntimeScenarios.StartAsync(runtime, count);
    var after2N = Memory.Snapshot();

    // The timers of the 2N-th batch plus enough new instances make dueTimers pending timers.
    await RuntimeScenarios.StartAsync(runtime, Math.Max(0, dueTimers - count));
    var (fired, sweepTime) = await RuntimeScenarios.SweepAsync(runtime);

    Report("starts/s (task + timer + rendered email + journal)", count / startTime.TotalSeconds, count / rawStartTime.TotalSeconds);
    Report("fires/s (guard, close task, cancel timer, complete, journal)", count / fireTime.TotalSeconds, count / rawFireTime.TotalSeconds);
    Console.WriteLine($"  timers fired/s by the sweep ({fired:N0} due):            {fired / sweepTime.TotalSeconds,10:N0}");
    Console.WriteLine($"  memory after storing N={count:N0} instances:  managed {afterN.ManagedMb,6:F1} MB, working set {afterN.WorkingSetMb,6:F0} MB");
    Console.WriteLine($"  memory after storing 2N instances:         managed {after2N.ManagedMb,6:F1} MB, working set {after2N.WorkingSetMb,6:F0} MB");
}

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
