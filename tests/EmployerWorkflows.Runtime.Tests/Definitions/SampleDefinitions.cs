using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>Definition documents shared by parser and validator tests.</summary>
internal static class SampleDefinitions
{
    /// <summary>A complete, valid registration procedure using every activity kind.</summary>
    public static readonly string CompanyRegistration = WorkflowFixture.Read("Definitions", "sample-company-registration.workflow.json");
}
