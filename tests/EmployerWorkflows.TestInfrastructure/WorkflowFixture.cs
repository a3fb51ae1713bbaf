namespace EmployerWorkflows.TestInfrastructure;

/// <summary>
/// Workflow definitions the tests run are files beside the tests that use them (<c>*.workflow.json</c>, copied to
/// the output folder), so they can be opened, validated and diffed like the shipped ones.
/// </summary>
public static class WorkflowFixture
{
    /// <summary>The text of a fixture, by its path relative to the test project.</summary>
    public static string Read(params string[] relativePath) =>
        // Without the file's final newline: the document is compared and edited as text by some tests.
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, .. relativePath])).TrimEnd('\n');
}
