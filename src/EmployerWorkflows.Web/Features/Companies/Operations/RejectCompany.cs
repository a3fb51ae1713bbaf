using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Operations;

/// <summary>Rejection of a registration, by a reviewer or because the integration deadline passed.</summary>
public sealed class RejectCompany : IWorkflowOperation
{
    public string Name => "company.reject";
    public string Description => "Marks a company registration as rejected, with the reason.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
    [
        new("companyId", OperationInputType.Guid, true, "Company whose registration was rejected."),
        new("reason", OperationInputType.String, true, "Why, as told to the submitter."),
    ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var companyId = (Guid)context.Inputs["companyId"]!;
        var company = await context.Db.Set<Company>().SingleAsync(c => c.Id == companyId, cancellationToken);
        company.Status = CompanyStatus.Rejected;
        company.UpdatedAt = context.Now;
        company.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name,
            $"Registration of {company.CodiceFiscale} rejected: {context.Inputs["reason"]}", context.Now, context.InstanceId);
        return null;
    }
}
