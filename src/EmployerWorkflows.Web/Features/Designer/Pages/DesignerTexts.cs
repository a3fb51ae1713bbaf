using System.Text.Encodings.Web;
using System.Text.Json;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Pages;

/// <summary>Messages the designer's scripts show, in the reader's language.</summary>
public static class DesignerTexts
{
    /// <summary>For data embedded in a script element: web-safe escaping, so no text can close the element.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    public static string Status(string status) => status switch
    {
        "Draft" => T("Bozza", "Draft"),
        "Published" => T("Pubblicata", "Published"),
        DefinitionSummary.Superseded => T("Superata", "Superseded"),
        "Retired" => T("Ritirata", "Retired"),
        _ => status,
    };

    public static Dictionary<string, string> Import() => new()
    {
        ["importChoose"] = T("Scegli un file .workflow.json da importare.", "Choose a .workflow.json file to import."),
        ["imported"] = T("{0} importato come bozza ({1} errori da correggere prima di pubblicare).", "{0} imported as the draft ({1} errors to fix before publishing)."),
        ["importFailed"] = T("Importazione non riuscita.", "Import failed."),
    };

    public static Dictionary<string, string> Editor() => new(Import())
    {
        ["editorLabel"] = T("Definizione del procedimento (JSON)", "Procedure definition (JSON)"),
        ["noErrors"] = T("Nessun errore: la bozza si può pubblicare.", "No errors: the draft can be published."),
        ["errorsCount"] = T("errori: {0}", "errors: {0}"),
        ["unsaved"] = T("Modifiche non salvate", "Unsaved changes"),
        ["savedRevision"] = T("Bozza salvata, revisione {0}", "Draft saved, revision {0}"),
        ["noDraft"] = T("Nessuna bozza: stai vedendo la versione pubblicata; salvando crei una bozza.", "No draft: you are looking at the published version; saving creates a draft."),
        ["saved"] = T("Bozza salvata (revisione {0}).", "Draft saved (revision {0})."),
        ["saveFailed"] = T("Salvataggio non riuscito.", "Saving failed."),
        ["openSaved"] = T("Apri la bozza salvata in una nuova scheda per confrontarla", "Open the saved draft in a new tab to compare"),
        ["publishBlocked"] = T("Errori da correggere prima di pubblicare: {0}.", "Errors to fix before publishing: {0}."),
        ["publishConfirm"] = T("Conferma: pubblica (le istanze in corso restano sulla loro versione)", "Confirm: publish (running instances keep their version)"),
        ["published"] = T("Pubblicata la versione {0}: le nuove pratiche la useranno.", "Version {0} published: new procedures will use it."),
        ["publishFailed"] = T("Pubblicazione non riuscita.", "Publishing failed."),
        ["noDraftToCompare"] = T("Non c'è una bozza da confrontare.", "There is no draft to compare."),
        ["diffHeading"] = T("Bozza confrontata con la versione {0}: {1} righe cambiate.", "Draft compared with version {0}: {1} lines changed."),
        ["diffNoPublished"] = T("Nessuna versione pubblicata: tutta la bozza è nuova.", "No published version: the whole draft is new."),
        ["retireConfirm"] = T("Conferma: ritira", "Confirm: retire"),
        ["retireLastConfirm"] = T("Conferma: ritira l'unica versione in uso (nessuna nuova pratica potrà partire)",
            "Confirm: retire the only version in use (no new procedure can start)"),
        ["retired"] = T("Versione {0} ritirata: non avvia più nuove pratiche.", "Version {0} retired: it no longer starts new procedures."),
        ["rollbackConfirm"] = T("Conferma: nuova bozza da questa versione", "Confirm: new draft from this version"),
        ["rollbackConfirmDraft"] = T("Conferma: sostituisci la bozza attuale", "Confirm: replace the current draft"),
        ["rolledBack"] = T("La bozza ora riparte dalla versione {0}.", "The draft now starts again from version {0}."),
        ["actionFailed"] = T("Operazione non riuscita.", "The action failed."),
    };
}
