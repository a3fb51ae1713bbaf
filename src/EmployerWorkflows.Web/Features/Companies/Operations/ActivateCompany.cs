using System.ComponentModel;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies.Operations;

/// <summary>Approval of a registration: the company becomes active and the submitter its first administrator (rule 33).</summary>
public sealed class ActivateCompany : WorkflowOperation<ActivateCompany.Input>
{
    public sealed record Input(
        [Description("Company whose registration was approved.")] Guid CompanyId,
        [Description("User who becomes the first administrator.")] string AdministratorUserId);

    public override string Name => "company.activate";
    public override string Description => "Activates a registered company and enables the submitter as its first administrator.";

    protected override async Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var (companyId, userId) = (input.CompanyId, input.AdministratorUserId);
        var company = await context.Db.Set<Company>().SingleAsync(c => c.Id == companyId, cancellationToken);
        company.Status = CompanyStatus.Active;
        company.ActivatedAt = context.Now;
        company.UpdatedAt = context.Now;
        company.Version++;
        var existing = await context.Db.Set<Membership>()
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == userId, cancellationToken);
        if (existing is null)
            context.Db.Set<Membership>().Add(new Membership
            {
                CompanyId = companyId, UserId = userId, Kind = MembershipKind.Administrator,
                Relationship = RelationshipKind.Stable, DataProcessingAuthorised = true,
                CreatedAt = context.Now, CreatedByUserId = context.Actor.UserId ?? "system",
                Profiles = [new ProfileAssignment { Profile = Profiles.Administrator }],
            });
        JournalWriter.RecordOperation(context.Db, context.Actor, companyId, Name,
            $"Company {company.CodiceFiscale} activated; first administrator enabled.", context.Now, context.InstanceId);
        return null;
    }
}
