using EmployerWorkflows.TestInfrastructure;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>Definition documents the runtime tests run.</summary>
internal static class TestDefinitions
{
    /// <summary>
    /// A registration review: a reviewer task, an acknowledgement, a 10-day deadline; approval activates the company
    /// (small amounts) or goes to a second review; changes are requested with reminders that escalate.
    /// </summary>
    public static readonly string Review = WorkflowFixture.Read("Support", "review.workflow.json");

    /// <summary>A procedure whose first email uses a template that fails to render.</summary>
    public static readonly string BrokenTemplate = WorkflowFixture.Read("Support", "broken-mail.workflow.json");

    /// <summary>Sends the instance's uploaded documents, named by the start input, to the applicant.</summary>
    public static readonly string DocumentNotice = WorkflowFixture.Read("Support", "document-notice.workflow.json");
}
