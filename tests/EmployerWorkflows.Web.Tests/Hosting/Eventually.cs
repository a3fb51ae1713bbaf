namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>Waits for something another thread (a job server, a mail server) makes true, without fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up after {seconds}s waiting for: {what}. Last value: {value}");
            await Task.Delay(100);
        }
    }
}
