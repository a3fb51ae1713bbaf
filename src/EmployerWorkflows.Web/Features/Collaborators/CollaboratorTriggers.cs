using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>Triggers of <c>admin-replacement</c> that code fires.</summary>
[WorkflowTriggers(AdminReplacementApi.DefinitionId)]
public static class AdminReplacementTriggers
{
    /// <summary>The new administrator disabled the old one.</summary>
    public const string OldDisabled = "oldDisabled";
}

/// <summary>Triggers of <c>collaborator-revocation</c> that code fires.</summary>
[WorkflowTriggers(MemberProcedures.Revocation)]
public static class CollaboratorRevocationTriggers
{
    /// <summary>The administrator revoked the collaborator's privileges in time.</summary>
    public const string Revoked = "revoked";
}
