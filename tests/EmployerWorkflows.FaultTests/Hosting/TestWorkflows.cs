using System.Globalization;
using System.Text.Json.Nodes;
using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.FaultTests.Hosting;

/// <summary>
/// A copy of the shipped workflows folder in which the company registration's integration deadline falls due in
/// seconds instead of days, so that a real process (on the machine's clock) has timers falling due while it runs.
/// The review form also accepts a <c>deadline</c>, which the definition already honours, so a test can make many
/// deadlines fall due at one chosen instant. Everything else is the shipped definition.
/// </summary>
public sealed class TestWorkflows : IDisposable
{
    private readonly TempDirectory directory = new("workflows");

    public TestWorkflows(TimeSpan integrationDelay)
    {
        CopyTree(Path.Combine(Repository.Root, "workflows"), directory.Path);
        var definition = Path.Combine(directory.Path, "company-registration.workflow.json");
        var workflow = JsonNode.Parse(File.ReadAllText(definition))!;
        workflow["variables"]!["integrationDays"] = integrationDelay.TotalDays;
        File.WriteAllText(definition, workflow.ToJsonString());

        var formPath = Path.Combine(directory.Path, "forms", "company-review.form.json");
        var form = JsonNode.Parse(File.ReadAllText(formPath))!;
        form["fields"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "deadline",
            ["label"] = new JsonObject { ["it"] = "Scadenza", ["en"] = "Deadline" },
            ["type"] = "text",
        });
        File.WriteAllText(formPath, form.ToJsonString());
    }

    public string Folder => directory.Path;

    /// <summary>The value of the review form's <c>deadline</c> field for an instant.</summary>
    public static string Deadline(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public void Dispose() => directory.Dispose();

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from))
            CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
