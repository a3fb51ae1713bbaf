namespace EmployerWorkflows.FaultTests.Checks;

public static class Problems
{
    /// <summary>Fails listing every broken case of a promise, so one run shows the whole picture.</summary>
    public static void None(IEnumerable<string> problems, string promise)
    {
        var found = problems.ToList();
        if (found.Count > 0)
            Assert.Fail($"{promise}: {found.Count} broken\n{string.Join("\n", found.Take(50))}");
    }
}
