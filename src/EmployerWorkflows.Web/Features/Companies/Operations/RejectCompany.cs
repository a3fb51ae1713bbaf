using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Operations;

/// <summary>Rejection of a registration, by a reviewer or because the integration deadline passed.</summary>
public sealed class RejectCompany : WorkflowOperation<RejectCompany.Input>
{
    public sealed record Input(
        [Description("Company whose registration was rejected.")] Guid CompanyId,
        [Description("Why, as told to the submitter.")] string Reason);

    public override string Name => "company.reject";
    public override string Description => "Marks a company registration as rejected, with the reason.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var companyId = input.CompanyId;
        var company = await context.Db.Set<Company>().SingleAsync(c => c.Id == companyId, cancellationToken);
        company.Status = CompanyStatus.Rejected;
        company.UpdatedAt = context.Now;
        company.Version++;
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name,
            $"Registration of {company.CodiceFiscale} rejected: {input.Reason}", context.Now, context.InstanceId);
        return null;
    }
}
