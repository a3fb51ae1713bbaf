using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>Triggers of <c>kae-ffe-write-rights</c> that code fires.</summary>
[WorkflowTriggers(WriteRightsProcedures.Definition)]
public static class WriteRightsTriggers
{
    public const string Propose = "propose";
    public const string AccountReady = "accountReady";
    public const string Begin = "begin";
    public const string Accept = "accept";
    public const string Dismiss = "dismiss";
    public const string AccountConfirmed = "accountConfirmed";
    public const string NeedsAccount = "needsAccount";
    public const string LoggedIn = "loggedIn";
    public const string SubmitRequest = "submitRequest";
    public const string WriteRightsUpdated = "writeRightsUpdated";
}

/// <summary>Triggers of <c>kae-ffe-correction-deadline</c> that code fires.</summary>
[WorkflowTriggers(WriteRightsProcedures.DeadlineDefinition)]
public static class CorrectionDeadlineTriggers
{
    public const string RequestExtension = "requestExtension";
    public const string ExtensionGranted = "extensionGranted";
    public const string ExtensionRefused = "extensionRefused";
    public const string Close = "close";
}

/// <summary>Triggers of <c>power-of-attorney</c> that code fires.</summary>
[WorkflowTriggers(AccountRequests.PowerOfAttorney)]
public static class PowerOfAttorneyTriggers
{
    public const string Dispatched = "dispatched";
    public const string Upload = "upload";
    public const string Verify = "verify";
    public const string Reject = "reject";
}

/// <summary>Triggers of <c>jobroom-access-request</c> that code fires.</summary>
[WorkflowTriggers(AccountRequests.AccessRequest)]
public static class AccessRequestTriggers
{
    public const string Approve = "approve";
    public const string Refuse = "refuse";
}
