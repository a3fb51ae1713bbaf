namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>The message for a value that is not an ISO-8601 duration, found by the schema or by the rules.</summary>
internal static class DurationMessages
{
    public static string NotIso(string quoted) =>
        $"{quoted} is not an ISO-8601 duration; write e.g. P5D, PT1H, P1DT2H30M or P2W.";

    public static string NotIsoItalian(string quoted) =>
        $"{quoted} non è una durata ISO-8601: scrivi ad esempio P5D, PT1H, P1DT2H30M o P2W.";
}
