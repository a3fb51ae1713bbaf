namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Who fires a trigger or starts an instance: a person, or the system for timers and jobs.</summary>
/// <param name="UserId">Identity user id; null for the system.</param>
/// <param name="CodiceFiscale">The person's codice fiscale, recorded in the journal.</param>
/// <param name="DisplayName">Name shown in histories.</param>
/// <param name="Roles">Agency roles of the person (AgencyReviewer, SecoDesk, ...).</param>
/// <param name="CompanyId">Company the person acts for, if any.</param>
public sealed record WorkflowActor(
    string? UserId,
    string? CodiceFiscale,
    string DisplayName,
    IReadOnlySet<string> Roles,
    Guid? CompanyId)
{
    /// <summary>The runtime itself (timers, reminders, sweeps).</summary>
    public static WorkflowActor System { get; } =
        new(null, null, "system", new HashSet<string>(), null);

    public bool IsSystem => UserId is null;
}
