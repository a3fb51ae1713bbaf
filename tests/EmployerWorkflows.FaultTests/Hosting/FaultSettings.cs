using System.Globalization;

namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>
/// Sizes of the fault runs. The defaults keep <c>./test.sh</c> within a few minutes on two cores; set the
/// environment variables to run the full figures (e.g. <c>EW_FAULT_TIMERS=10000 EW_FAULT_RACES=1000</c>).
/// </summary>
public static class FaultSettings
{
    /// <summary>SIGKILLs per crash run.</summary>
    public static int Kills => Read("EW_FAULT_KILLS", 5);

    /// <summary>Deadlines falling due at once in the two-node run.</summary>
    public static int Timers => Read("EW_FAULT_TIMERS", 400);

    /// <summary>Tasks completed by two clients at once, one through each node, in the two-node run.</summary>
    public static int Races => Read("EW_FAULT_RACES", 100);

    /// <summary>
    /// Claims held by a node that dies are taken over after this long. Short in tests, so a kill costs seconds;
    /// the defaults (minutes) are for real sends and sweeps.
    /// </summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(10);

    public static IReadOnlyDictionary<string, string> ShortClaims => new Dictionary<string, string>
    {
        ["WorkflowRuntime__ClaimDuration"] = ClaimDuration.ToString("c", CultureInfo.InvariantCulture),
        ["Outbox__ClaimDuration"] = ClaimDuration.ToString("c", CultureInfo.InvariantCulture),
    };

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
