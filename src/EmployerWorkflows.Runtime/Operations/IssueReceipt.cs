using EmployerWorkflows.Runtime.Journal;

namespace EmployerWorkflows.Runtime.Operations;

/// <summary>
/// <c>receipt.issue</c>: gives a procedure step a receipt number (year and instance) and records it in the
/// journal, so the receipt can be quoted in the email that follows and found again in the audit trail.
/// </summary>
public sealed class IssueReceipt : IWorkflowOperation
{
    public string Name => "receipt.issue";
    public string Description => "Issues a numbered receipt for the procedure and journals it; returns { number }.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("applicantName", OperationInputType.String, true, "Who receives the receipt."),
        new("companyId", OperationInputType.Guid, false, "Company the procedure is for, if any."),
    ];

    public Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var number = $"R-{context.Now:yyyy}-{context.InstanceId.ToString()[..8].ToUpperInvariant()}";
        Journal.JournalWriter.RecordOperation(context.Db, context.Actor,
            context.Inputs.TryGetValue("companyId", out var company) ? company as Guid? : context.CompanyId,
            Name, $"receipt {number} issued to {context.Inputs["applicantName"]}", context.Now, context.InstanceId);
        return Task.FromResult<object?>(new { number });
    }
}
