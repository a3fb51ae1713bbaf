using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

/// <summary>Triggers of <c>company-registration</c> that code fires or looks for.</summary>
[WorkflowTriggers(RegisterCompany.DefinitionId)]
public static class CompanyRegistrationTriggers
{
    /// <summary>The submitter sends the registration back with the integrations asked for.</summary>
    public const string Resubmit = "resubmit";
}
