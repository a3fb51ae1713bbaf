using EmployerWorkflows.Runtime.Journal;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// One line of a procedure's history as a person reads it. The journal keeps the full technical summary for the
/// audit API; pages show what happened in words.
/// </summary>
public static class HistoryText
{
    public static string For(JournalEntry entry) => entry.Kind switch
    {
        JournalKind.Started => T("Pratica avviata", "Procedure started") + (entry.ToState is null ? "" : $" ({entry.ToState})"),
        JournalKind.Transition => $"{entry.Trigger}: {entry.FromState} → {entry.ToState}",
        JournalKind.Reminder => T("Promemoria inviato", "Reminder sent"),
        JournalKind.Retry => T("Passo ripetuto dall'operatore", "Step retried by an operator"),
        JournalKind.Cancel => T("Pratica annullata", "Procedure cancelled") + $": {entry.Summary}",
        JournalKind.Migration => T("Pratica spostata su un'altra versione", "Procedure moved to another version") + $": {entry.Summary}",
        JournalKind.Incident => T("Errore nel passo", "Step failed") + $": {entry.Summary}",
        _ => entry.Summary,
    };
}
