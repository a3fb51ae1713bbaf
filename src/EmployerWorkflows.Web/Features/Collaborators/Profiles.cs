namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>
/// An enabling profile of the regional portal and the levels it may be given at: the whole company (gruppo)
/// and/or specific organisational units (sottogruppi). The matrix is the seed's table (rule 37).
/// </summary>
public sealed record Profile(
    string Code,
    string Name,
    string FunctionItalian,
    string FunctionEnglish,
    bool AtGroup,
    bool AtUnit,
    bool ConventionOnly = false,
    bool AdministratorProfile = false);

public static class Profiles
{
    public const string Administrator = "amministratore";
    public const string ConventionAdministrator = "amministratore-convenzionati";

    public static readonly IReadOnlyList<Profile> All =
    [
        new(Administrator, "Amministratore", "Assegnazione ai collaboratori dei profili di abilitazione", "Assigns enabling profiles to collaborators", true, true, AdministratorProfile: true),
        new(ConventionAdministrator, "Amministratore Convenzionati", "Abilitazione dei collaboratori ai ruoli delle convenzioni", "Enables collaborators for the convention roles", true, false, ConventionOnly: true, AdministratorProfile: true),
        new("gestione-co-sare", "Gestione CO – SARE", "Invio e gestione delle comunicazioni obbligatorie", "Sends and manages mandatory communications (CO)", true, true),
        new("storico-co-sare", "Storico CO Aziendali – SARE", "Storico di tutte le CO dell'azienda", "History of all the company's COs", true, false),
        new("visualizzazione-co-sare", "Visualizzazione CO – SARE", "Visualizzazione delle CO trasmesse dall'azienda", "Views the COs sent by the company", true, true),
        new("prospetti-cig", "Gestione Prospetti inf. e CIG", "Prospetti informativi disabili e CIG in deroga", "Disabled-worker reports and CIG applications", false, true),
        new("offerte-lavoro", "Gestione Offerte di Lavoro", "Offerte di lavoro, candidature e Vetrina Azienda", "Job ads, candidates and company showcase", false, true),
        new("tirocini-promotore-compilatore", "Tirocini Promotore – Compilatore", "Predisposizione di convenzioni e progetti di tirocinio", "Drafts traineeship agreements and projects", false, true),
        new("tirocini-promotore-validatore", "Tirocini Promotore – Validatore", "Convalida e invio di convenzioni e progetti di tirocinio", "Validates and sends traineeship agreements and projects", false, true),
        new("tirocini-soggetto-pubblico", "Gestione Tirocini – Soggetto Pubblico", "Convalida dei progetti formativi come soggetto pubblico", "Validates training projects as a public body", true, true),
        new("tirocini-soggetto-certificatore", "Gestione Tirocini – Soggetto Certificatore", "Convalida come soggetto certificatore", "Validates as certifying body", true, true),
        new("tirocini-soggetto-ospitante", "Gestione Tirocini Sogg. Ospitante", "Convalida di convenzioni e progetti come soggetto ospitante", "Validates agreements and projects as host", true, true),
        new("accreditamento-rete-attiva", "Gestione Accreditamento Rete Attiva", "Richieste di accreditamento ai servizi per il lavoro", "Accreditation requests to labour services", true, false),
    ];

    public static Profile? Find(string? code) => All.FirstOrDefault(p => p.Code == code);
}
