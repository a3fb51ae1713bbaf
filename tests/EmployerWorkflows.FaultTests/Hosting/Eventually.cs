using System.Diagnostics;

namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>Waits for what another process (the app, its job server, the mail server) makes true.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (waited.Elapsed > within)
                throw new TimeoutException($"Gave up after {within} waiting for: {what}. Last value: {value}");
            await Task.Delay(200);
        }
    }
}
