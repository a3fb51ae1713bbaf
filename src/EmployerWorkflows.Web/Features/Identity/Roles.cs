namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>Agency-side roles. Company rights come from memberships, not from these.</summary>
public static class Roles
{
    public const string AgencyReviewer = nameof(AgencyReviewer);
    public const string HelpDesk = nameof(HelpDesk);
    public const string SecoDesk = nameof(SecoDesk);
    public const string ProcessDesigner = nameof(ProcessDesigner);
    public const string Operator = nameof(Operator);

    public static readonly IReadOnlyList<string> All = [AgencyReviewer, HelpDesk, SecoDesk, ProcessDesigner, Operator];
}
