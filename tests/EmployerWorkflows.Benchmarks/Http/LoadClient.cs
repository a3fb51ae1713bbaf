using System.Diagnostics;

namespace EmployerWorkflows.Benchmarks.Http;

/// <summary>What a load run measured.</summary>
public sealed record LoadFigures(int Requests, int Concurrency, double PerSecond, double P50Ms, double P95Ms, int Failures);

/// <summary>
/// Sends requests with a fixed number of workers, each starting its next request when its last one answered, and
/// records each latency. A request counts as failed unless its status is the expected one.
/// </summary>
public static class LoadClient
{
    public static async Task<LoadFigures> RunAsync(int requests, int concurrency, Func<int, Task<bool>> request)
    {
        var latencies = new double[requests];
        var next = -1;
        var failures = 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var watch = Stopwatch.StartNew();
                bool ok;
                try { ok = await request(i); }
                catch (HttpRequestException) { ok = false; }
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }
        }));
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed;
        Array.Sort(latencies);
        return new LoadFigures(requests, concurrency, requests / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), failures);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
