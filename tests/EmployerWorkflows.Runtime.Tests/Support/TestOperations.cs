using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>Makes <see cref="ActivateCompany"/> fail after it changed data, until repaired.</summary>
public sealed class OperationFault
{
    public string? Message { get; set; }
}

/// <summary><c>company.activate</c>: marks the company active in the transition's unit of work.</summary>
public sealed class ActivateCompany(OperationFault fault) : IWorkflowOperation
{
    public string Name => "company.activate";
    public string Description => "Activates a registered company.";
    public IReadOnlyList<OperationInput> Inputs { get; } =
        [
            new("companyId", OperationInputType.Guid, true, "Company to activate."),
            new("amount", OperationInputType.Number, false, "Amount declared by the company."),
        ];

    public async Task<object?> InvokeAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var company = await context.Db.Set<TestCompany>().FindAsync([(Guid)context.Inputs["companyId"]!], cancellationToken)
            ?? throw new InvalidOperationException("Company not found.");
        company.Active = true;
        if (fault.Message is { } message)
            throw new InvalidOperationException(message);
        return new { activatedAt = context.Now, by = context.Actor.DisplayName, amount = context.Inputs["amount"] };
    }
}
