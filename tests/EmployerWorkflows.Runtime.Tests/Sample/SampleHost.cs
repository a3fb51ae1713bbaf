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

/// <summary>A runtime host with the definition services as the application registers them, and the sample's operation.</summary>
internal static class SampleHost
{
    public static RuntimeHost Create(TestDatabase database) => new(database,
        configure: services => services.AddSingleton<IWorkflowOperation, IssueReceipt>(),
        definitions: services => services.AddWorkflowDefinitions(RepositoryFolders.Workflows,
            o => { foreach (var role in new[] { "AgencyReviewer", "SecoDesk", "HelpDesk", "Operator" }) o.Roles.Add(role); }));
}

/// <summary><c>sample.issueReceipt</c>: numbers a receipt and journals it as a domain event of the host.</summary>
internal sealed class IssueReceipt : IWorkflowOperation
{
    public string Name => "sample.issueReceipt";
    public string Description => "Issues the receipt of an approved request.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("applicantName", OperationInputType.String, true, "Who receives the receipt."),
        new("companyId", OperationInputType.Guid, true, "Company the request is for."),
    ];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var number = $"R-{context.Now:yyyy}-{context.InstanceId.ToString()[..8]}";
        Runtime.Journal.Journal.Record(context.Db, new JournalEntry
        {
            At = context.Now, Kind = JournalKind.Domain, InstanceId = context.InstanceId,
            CompanyId = (Guid)context.Inputs["companyId"]!, UserId = context.Actor.UserId,
            CodiceFiscale = context.Actor.CodiceFiscale, ActorName = context.Actor.DisplayName,
            Summary = $"receipt {number} issued to {context.Inputs["applicantName"]}",
        });
        return Task.FromResult<object?>(new { number });
    }
}
