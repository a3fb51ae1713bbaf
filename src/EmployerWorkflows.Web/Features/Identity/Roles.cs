namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>Agency-side roles. Company rights come from memberships, not from these.</summary>
public static class Roles
{
    public const string AgencyReviewer = nameof(AgencyReviewer);
    public const string HelpDesk = nameof(HelpDesk);
    public const string SecoDesk = nameof(SecoDesk);
    public const string ProcessDesigner = nameof(ProcessDesigner);
    public const string Operator = nameof(Operator);
    /// <summary>Creates and disables staff accounts (<c>/staff</c>).</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Pseudo-role of tasks addressed to the company's own people rather than to agency staff.</summary>
    public const string Company = nameof(Company);

    public static readonly IReadOnlyList<string> All = [AgencyReviewer, HelpDesk, SecoDesk, ProcessDesigner, Operator, Administrator];

    /// <summary>Roles an administrator hands out on the staff page; administrators are made from configuration.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [AgencyReviewer, HelpDesk, SecoDesk, ProcessDesigner, Operator];

    /// <summary>Every role a task may be addressed to.</summary>
    public static readonly IReadOnlyList<string> Tasks = [.. All, Company];
}
