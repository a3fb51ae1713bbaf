using System.Security.Claims;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using EmployerWorkflows.Web.Features.JobRoom;

namespace EmployerWorkflows.Web.Features.Catalogue;

/// <summary>
/// The procedures a signed-in person may start from the pages, among the published definitions. The rules are those
/// the start paths apply: a company registration and a Job-Room account request are open to every signed-in person
/// (the engine has no role on a start), a KAE-FFE renewal to a person holding a usable Job-Room account or request; the SECO desk additionally gets its inbox presets of the SECO steps.
/// A definition with no published version is left out, since the engine would refuse to start it.
/// </summary>
public sealed class ProcedureCatalogue(DefinitionStore definitions, AppDbContext db)
{
    /// <summary>The SECO procedures whose steps the SECO desk works.</summary>
    public static readonly string[] SecoProcedures =
        [AccountRequests.PowerOfAttorney, AccountRequests.AccessRequest, "kae-ffe-write-rights", "kae-ffe-correction-deadline"];

    private static readonly (string DefinitionId, LocalizedText Who, LocalizedText Needs, string Url, bool NeedsAccount)[] Startable =
    [
        ("company-registration",
            new("Chiunque abbia effettuato l'accesso: di solito il legale rappresentante.", "Anyone signed in: usually the legal representative."),
            new("Codice fiscale o partita IVA dell'azienda, sede legale, contatti, dati del legale rappresentante; visura camerale facoltativa.",
                "The company's codice fiscale or partita IVA, registered office, contacts, the legal representative's data; optional chamber extract."),
            "/procedures/register", false),
        (AccountRequests.PowerOfAttorney,
            new("Chiunque abbia effettuato l'accesso e lavori per il datore di lavoro titolare dell'IDI (anche tramite fiduciaria).",
                "Anyone signed in who works for the employer holding the UID (also through a fiduciary)."),
            new("Il numero IDI del datore di lavoro, presente nel registro IDI, e un indirizzo e-mail. Se l'IDI ha già un conto decide il suo amministratore principale; altrimenti serve una procura firmata dall'azienda.",
                "The employer's UID, as found in the UID register, and an email address. If the UID already has an account its main administrator decides; otherwise a power of attorney signed by the company is needed."),
            "/catalogue/jobroom-account", false),
        (WriteRightsProcedures.Definition,
            new("Chi ha un conto Job-Room o una richiesta di conto per l'IDI, e ne diventa la persona responsabile.",
                "Anyone holding a Job-Room account or account request for the UID, who becomes its responsible person."),
            new("Il numero IDI; poi il RIS, il numero CAD e il PIN della lettera informativa della SECO per l'eService «Pagamento arretrato» e uno screenshot del messaggio di errore.",
                "The UID; then the RIS, CAD number and PIN of SECO's information letter for the eService «Back payment» and a screenshot of the error message."),
            "/catalogue/kae-ffe-renewal", true),
    ];

    private static readonly CatalogueEntry Support = new("jobroom-support-request",
        new("Richiesta di assistenza Job-Room", "Job-Room support request"),
        new("Chi ha un conto Job-Room o una richiesta di conto per l'IDI.", "Anyone holding a Job-Room account or account request for the UID."),
        new("Il numero IDI, una descrizione dettagliata del problema e uno screenshot dell'intera schermata.",
            "The UID, a detailed description of the problem and a screenshot of the whole screen."),
        "/catalogue/support-request");

    public async Task<IReadOnlyList<CatalogueEntry>> StartableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return [];
        var entries = new List<CatalogueEntry>();
        var holdsAccount = await HoldsAccountAsync(user, ct);
        foreach (var (id, who, needs, url, needsAccount) in Startable)
        {
            if (needsAccount && !holdsAccount) continue;
            if (await TitleAsync(id, ct) is not { } title) continue;
            entries.Add(new CatalogueEntry(id, id == AccountRequests.PowerOfAttorney
                ? new("Conto Job-Room per un IDI (con procura se è il primo)", "Job-Room account for a UID (with power of attorney if it is the first)")
                : title, who, needs, url));
        }
        // Not a procedure: an email to the helpdesk, open to the same people as the renewal.
        if (holdsAccount) entries.Add(Support);
        return entries;
    }

    /// <summary>The SECO desk's inbox presets, one per SECO procedure; nobody else gets any.</summary>
    public async Task<IReadOnlyList<DeskView>> DeskViewsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.SecoDesk)) return [];
        var views = new List<DeskView>();
        foreach (var id in SecoProcedures)
            if (await TitleAsync(id, ct) is { } title)
                views.Add(new DeskView(id, title, $"/inbox?procedure={Uri.EscapeDataString(id)}"));
        return views;
    }

    /// <summary>
    /// Whether the person holds a Job-Room account or request that the renewal's first step accepts as responsible
    /// (<c>jobroom.beginRenewal</c>: not refused, not expired, still with the company).
    /// </summary>
    private Task<bool> HoldsAccountAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? "";
        return db.Set<JobRoomAccount>().AnyAsync(a => a.UserId == userId && a.LeftCompanyAt == null
            && a.Status != JobRoomAccountStatus.Refused && a.Status != JobRoomAccountStatus.Expired, ct);
    }

    private async Task<LocalizedText?> TitleAsync(string definitionId, CancellationToken ct)
    {
        try
        {
            return (await definitions.GetLatestAsync(definitionId, ct)).Definition.Title;
        }
        catch (NoPublishedVersionException)
        {
            return null;
        }
    }
}
