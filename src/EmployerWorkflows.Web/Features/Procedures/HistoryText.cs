using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>A procedure's history with the definition that names its steps and states.</summary>
public sealed record HistoryView(WorkflowDefinition Definition, IReadOnlyList<JournalEntry> Entries);

/// <summary>
/// One line of a procedure's history as a person reads it. The journal keeps the full technical summary for the
/// audit API; pages show what happened in words, with the definition's titles instead of trigger and state names.
/// </summary>
public static class HistoryText
{
    public static string For(JournalEntry entry, WorkflowDefinition definition) => entry.Kind switch
    {
        JournalKind.Started => T("Pratica avviata", "Procedure started") + (entry.ToState is null ? "" : $" ({State(definition, entry.ToState)})"),
        JournalKind.Transition => Step(entry, definition),
        JournalKind.Reminder => T("Promemoria inviato", "Reminder sent"),
        JournalKind.Retry => T("Passo ripetuto dall'operatore", "Step retried by an operator"),
        JournalKind.Cancel => T("Pratica annullata", "Procedure cancelled") + $": {entry.Summary}",
        JournalKind.Migration => T("Pratica spostata su un'altra versione", "Procedure moved to another version") + $": {entry.Summary}",
        JournalKind.Incident => T("Errore nel passo", "Step failed") + $": {entry.Summary}",
        _ => entry.Summary,
    };

    private static string Step(JournalEntry entry, WorkflowDefinition definition)
    {
        var action = entry.Trigger is null ? T("Passaggio", "Step") : ProcedureMap.ActionTitle(definition, entry.Trigger, entry.FromState);
        return $"{action}: {State(definition, entry.FromState)} → {State(definition, entry.ToState)}";
    }

    private static string State(WorkflowDefinition definition, string? state) => state is null ? "—" : ProcedureMap.Title(definition, state);
}
