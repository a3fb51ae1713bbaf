using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>Everything the task page shows about one task.</summary>
public sealed record TaskContext(
    InboxTask Task, InstanceView Instance, Company? Company, WorkflowDefinition Definition, FormDefinition? Form,
    IReadOnlyList<DocumentInfo> Documents, IReadOnlyList<JournalEntry> History, IReadOnlyList<PermittedAction> Actions)
{
    public bool IsOpen => Task.IsOpen && Instance.IsRunning;

    /// <summary>The instance's variables, which info fields show and shownWhen conditions read.</summary>
    public JsonObject Variables { get; init; } = [];

    /// <summary>The text of an info field in the reader's language (null for other fields).</summary>
    public string? Info(FormField field) => FormOnInstance.InfoText(field, Variables)?.For(Lang.Code);
}

/// <summary>Loads a task for the person looking at it; null when they may not work it (the page answers 404).</summary>
public sealed class TaskPageData(
    AppDbContext db, TaskInbox inbox, InstanceQueries instances, DefinitionStore definitions, FileFormCatalog forms, JournalReader journal)
{
    public async Task<TaskContext?> LoadAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await inbox.ActionsAsync(taskId, TaskReaders.For(user), WorkflowActors.From(user), ct) is not { } actions) return null;
        var task = actions.Task;
        var instance = (await instances.FindAsync(task.InstanceId, ct))!;
        var company = task.CompanyId is { } companyId
            ? await db.Set<Company>().AsNoTracking().Include(c => c.Types).Include(c => c.Units).SingleOrDefaultAsync(c => c.Id == companyId, ct)
            : null;
        var definition = (await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
        var documents = await instances.DocumentsAsync(instance.Id, ct);
        var history = await journal.ForInstanceAsync(user, instance.Id, 200, ct);
        var variables = JsonNode.Parse(instance.Variables) as JsonObject ?? [];
        // The form as this instance shows it: e.g. an upload only when the agency asked for a document.
        var form = forms.Get(task.Form) is { } full ? FormOnInstance.Shown(full, variables) : null;
        return new TaskContext(task, instance, company, definition, form, documents, history, actions.Permitted) { Variables = variables };
    }
}
