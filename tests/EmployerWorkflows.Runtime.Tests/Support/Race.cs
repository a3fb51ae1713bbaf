using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>The result or the error of one racing command.</summary>
public sealed record Outcome(WorkflowResult? Result, Exception? Error);

public static class Race
{
    /// <summary>Runs <paramref name="count"/> commands on parallel threads, released together.</summary>
    public static async Task<Outcome[]> RunAsync(int count, Func<int, Task<WorkflowResult>> command)
    {
        using var gate = new Barrier(count);
        var runs = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            gate.SignalAndWait();
            try
            {
                return new Outcome(await command(i), null);
            }
            catch (Exception e)
            {
                return new Outcome(null, e);
            }
        }));
        return await Task.WhenAll(runs);
    }
}
