using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.Intermediaries;

/// <summary>
/// The employer's procedures a delegation may cover. Those that touch the company's own people (administrators,
/// collaborators, stolen credentials) stay with the company: an outsider never manages who acts for it.
/// </summary>
public static class DelegationScopes
{
    public static readonly IReadOnlyList<(string Id, LocalizedText Title)> All =
    [
        ("intermittent-registration", new("Registrazione al servizio Gestione Intermittenti", "Registration to the intermittent-work calls service")),
        ("jobroom-access-request", new("Richiesta di accesso a un conto Job-Room esistente", "Request to join an existing Job-Room account")),
        ("power-of-attorney", new("Procura per il primo conto Job-Room di un IDI", "Power of attorney for the first Job-Room account of a UID")),
        ("kae-ffe-write-rights", new("Rinnovo dei diritti di scrittura «Pagamento arretrato» (KAE-FFE)", "Write-rights renewal on the back-payment eService (KAE-FFE)")),
        ("kae-ffe-correction-deadline", new("Termine per la correzione dei periodi di conteggio", "Deadline for correcting the settlement periods")),
    ];

    public static bool IsKnown(string id) => All.Any(s => s.Id == id);

    public static LocalizedText Title(string id) => All.FirstOrDefault(s => s.Id == id).Title ?? new(id, id);
}
