using System.Globalization;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// The power of attorney (procura) mailed to the address in the UID register (rule 3): the company signs it
/// and uploads it to authorise the person who asked for the first Job-Room account of its UID.
/// </summary>
public static class ProcuraLetter
{
    public const string DocumentName = "procuraLetter";

    public static byte[] Create(UidRegisterRecord company, string requesterName, string requesterEmail, string reference,
        DateTimeOffset date, string language)
    {
        var day = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var en = language == "en";
        var sender = new[]
        {
            "Segreteria di Stato dell’economia SECO",
            "Assicurazione contro la disoccupazione – Job-Room",
            "jobroom@alv.admin.ch",
        };
        List<PdfLine> lines =
        [
            new(en
                ? $"Power of attorney for a Job-Room account – UID {company.Uid.Display}"
                : $"Procura per un conto Job-Room – numero IDI {company.Uid.Display}", Bold: true),
            new(""),
        ];
        lines.AddRange((en
            ? new[]
            {
                $"{requesterName} ({requesterEmail}) has asked for a Job-Room account linked to the UID {company.Uid.Display}.",
                "No Job-Room account exists yet for this UID, so the company must authorise the request.",
                "If the company agrees, have this power of attorney signed by an authorised signatory and upload it " +
                "on the platform (PDF, JPG or PNG) with the reference above. The person will then be informed by email " +
                "that the account is active and will be the main administrator of the UID.",
                "If the company did not expect this letter, do not sign it.",
            }
            : new[]
            {
                $"{requesterName} ({requesterEmail}) ha chiesto un conto Job-Room collegato al numero IDI {company.Uid.Display}.",
                "Per questo numero IDI non esiste ancora alcun conto Job-Room: serve quindi l'autorizzazione dell'azienda.",
                "Se l'azienda è d'accordo, faccia firmare la presente procura da una persona con diritto di firma e la " +
                "carichi sulla piattaforma (PDF, JPG o PNG) indicando il riferimento riportato sopra. La persona riceverà " +
                "un'e-mail quando il conto sarà attivato e ne sarà l'amministratore principale.",
                "Se l'azienda non attendeva questa lettera, non la firmi.",
            }).SelectMany(p => new[] { new PdfLine(p), new PdfLine("") }));
        lines.Add(new(en ? "The company authorises the person named above." : "L'azienda autorizza la persona sopra indicata.", Bold: true));
        lines.Add(new(""));
        lines.Add(new(en ? "Place and date: ______________________________" : "Luogo e data: ______________________________"));
        lines.Add(new(""));
        lines.Add(new(en
            ? "Signature and stamp of the company: ______________________________"
            : "Firma e timbro dell'azienda: ______________________________"));
        return PdfLetter.Write(new LetterContent(sender, company.AddressLines, reference,
            en ? $"Date: {day}      Reference: {reference}" : $"Data: {day}      Riferimento: {reference}", lines));
    }
}
