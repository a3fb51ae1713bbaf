using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Tests.Support;

internal static class Actors
{
    public static readonly Guid CompanyId = Guid.Parse("0b6c8a2e-5a0e-4d7a-9a43-3f1c2d9e7b11");

    public static readonly WorkflowActor Reviewer =
        new("u-reviewer", "RSSMRA80A01H501U", "Mario Rossi", new HashSet<string> { "AgencyReviewer" }, null);

    public static readonly WorkflowActor Submitter =
        new("u-submitter", "VRDLGU75B12F205X", "Luigi Verdi", new HashSet<string>(), CompanyId);

    public static readonly WorkflowActor Operator =
        new("u-operator", "BNCGNN70C41L219K", "Giovanna Bianchi", new HashSet<string> { "Operator" }, null);
}
