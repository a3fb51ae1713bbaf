using System.Collections.Concurrent;

namespace EmployerWorkflows.FaultTests.Load;

/// <summary>What the app accepted (a 2xx answer) during a run, and every answer that was neither 2xx nor expected.</summary>
public sealed class Ledger
{
    public ConcurrentBag<string> Registrations { get; } = [];

    public ConcurrentBag<(Guid InstanceId, string Action)> Completions { get; } = [];

    public ConcurrentBag<string> ServerErrors { get; } = [];

    public int LostAnswers;

    /// <summary>Notes a 5xx (always a defect) with what was asked.</summary>
    public void Check(Answer answer, string what)
    {
        if (answer.Status is { } status && (int)status >= 500)
            ServerErrors.Add($"{what}: {(int)status} {answer.Body}");
        if (answer.Status is null) Interlocked.Increment(ref LostAnswers);
    }
}
