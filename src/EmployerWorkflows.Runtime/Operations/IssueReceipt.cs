using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;

namespace EmployerWorkflows.Runtime.Operations;

/// <summary>
/// <c>receipt.issue</c>: gives a procedure step a receipt number (year and instance) and records it in the
/// journal, so the receipt can be quoted in the email that follows and found again in the audit trail.
/// </summary>
public sealed class IssueReceipt : WorkflowOperation<IssueReceipt.Input>
{
    public sealed record Input(
        [Description("Who receives the receipt.")] string ApplicantName,
        [Description("Company the procedure is for, if any.")] Guid? CompanyId);

    public override string Name => "receipt.issue";
    public override string Description => "Issues a numbered receipt for the procedure and journals it; returns { number }.";

    protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var number = $"R-{context.Now:yyyy}-{context.InstanceId.ToString()[..8].ToUpperInvariant()}";
        Journal.JournalWriter.RecordOperation(context.Db, context.Actor, input.CompanyId,
            Name, $"receipt {number} issued to {input.ApplicantName}", context.Now, context.InstanceId);
        return Task.FromResult<object?>(new { number });
    }
}
