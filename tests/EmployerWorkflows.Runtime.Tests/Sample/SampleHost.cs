using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Sample;

/// <summary>The repository's <c>workflows/</c> folder, found from the test binaries.</summary>
internal static class RepositoryFolders
{
    public static string Workflows { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(Path.Combine(candidate, "schema")))
                return candidate;
        }
        throw new DirectoryNotFoundException("The repository's workflows folder was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A runtime host with the definition services as the application registers them; the sample's operation is built in.</summary>
internal static class SampleHost
{
    public static RuntimeHost Create(TestDatabase database) => new(database,
        definitions: services => services.AddWorkflowDefinitions(RepositoryFolders.Workflows,
            o => { foreach (var role in new[] { "AgencyReviewer", "SecoDesk", "HelpDesk", "Operator" }) o.Roles.Add(role); }));
}
