using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>Statuses in words (colour only repeats what the text says).</summary>
public static class MonitorText
{
    public static string Status(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => T("In corso", "Running"),
        InstanceStatus.Faulted => T("In errore", "Faulted"),
        InstanceStatus.Completed => T("Conclusa", "Completed"),
        _ => T("Annullata", "Cancelled"),
    };

    public static string StatusBadge(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "badge text-bg-primary",
        InstanceStatus.Faulted => "badge text-bg-danger",
        InstanceStatus.Completed => "badge text-bg-success",
        _ => "badge text-bg-secondary",
    };

    public static string Delivery(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => T("In attesa", "Pending"),
        OutboxStatus.Sent => T("Inviata", "Sent"),
        _ => T("Non riuscita", "Failed"),
    };

    public static string DeliveryBadge(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => "badge text-bg-warning",
        OutboxStatus.Sent => "badge text-bg-success",
        _ => "badge text-bg-danger",
    };

    public static string Kind(JournalKind kind) => kind switch
    {
        JournalKind.Started => T("Avvio", "Start"),
        JournalKind.Transition => T("Passaggio di stato", "Transition"),
        JournalKind.Reminder => T("Promemoria", "Reminder"),
        JournalKind.Operation => T("Operazione", "Operation"),
        JournalKind.Incident => T("Incidente", "Incident"),
        JournalKind.Retry => T("Nuovo tentativo", "Retry"),
        JournalKind.Cancel => T("Annullamento", "Cancellation"),
        JournalKind.Migration => T("Migrazione", "Migration"),
        _ => T("Dati", "Data"),
    };

    public static string Timer(TimerKind kind) => kind == TimerKind.Timer ? T("Scadenza", "Deadline") : T("Promemoria", "Reminder");
}
