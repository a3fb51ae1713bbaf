using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>A task as the APIs show it, titled in the caller's language.</summary>
public sealed record TaskView(Guid Id, Guid InstanceId, string DefinitionId, Guid? CompanyId, string State, string Title, string Form,
    IReadOnlyList<string> Actions, string? Role, string? AssigneeUserId, string Priority, DateTimeOffset? DueAt, string Status)
{
    public static TaskView From(InboxTask t) => new(t.Id, t.InstanceId, t.DefinitionId, t.CompanyId, t.State,
        Lang.IsEnglish ? t.TitleEn : t.TitleIt, t.Form, t.Actions, t.Role, t.AssigneeUserId, t.Priority.ToString(), t.DueAt, t.Status.ToString());
}
