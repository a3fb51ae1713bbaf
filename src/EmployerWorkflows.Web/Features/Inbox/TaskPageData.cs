using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>A stored file without its bytes.</summary>
public sealed record DocumentInfo(Guid Id, string Name, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>Everything the task page shows about one task.</summary>
public sealed record TaskContext(
    WorkflowTask Task, WorkflowInstance Instance, Company? Company, WorkflowDefinition Definition, FormDefinition? Form,
    IReadOnlyList<DocumentInfo> Documents, IReadOnlyList<JournalEntry> History, IReadOnlyList<PermittedAction> Actions)
{
    public bool IsOpen => Task.Status == WorkflowTaskStatus.Open && Instance.Status == InstanceStatus.Running;

    /// <summary>The instance's variables, which info fields show and shownWhen conditions read.</summary>
    public JsonObject Variables { get; init; } = [];

    /// <summary>The text of an info field in the reader's language (null for other fields).</summary>
    public string? Info(FormField field) => FormOnInstance.InfoText(field, Variables)?.For(Lang.Code);
}

/// <summary>Loads a task for the person looking at it; null when they may not work it (the page answers 404).</summary>
public sealed class TaskPageData(AppDbContext db, IWorkflowEngine engine, DefinitionStore definitions, FileFormCatalog forms, JournalReader journal)
{
    public async Task<TaskContext?> LoadAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !task.CanWork(user)) return null;
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        var company = task.CompanyId is { } companyId
            ? await db.Set<Company>().AsNoTracking().Include(c => c.Types).Include(c => c.Units).SingleOrDefaultAsync(c => c.Id == companyId, ct)
            : null;
        var definition = (await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)).Definition;
        var documents = await db.Set<InstanceDocument>().AsNoTracking().Where(d => d.InstanceId == instance.Id)
            .OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentInfo(d.Id, d.Name, d.FileName, d.ContentType, d.Size, d.UploadedAt)).ToListAsync(ct);
        var history = await journal.ForInstanceAsync(user, instance.Id, 200, ct);
        var open = task.Status == WorkflowTaskStatus.Open && instance.Status == InstanceStatus.Running;
        var actions = open
            ? (await engine.GetPermittedActionsAsync(instance.Id, WorkflowActors.From(user, task.CompanyId), ct))
                .Where(a => task.ActionList.Contains(a.Trigger)).ToList()
            : [];
        var variables = JsonNode.Parse(instance.Variables) as JsonObject ?? [];
        // The form as this instance shows it: e.g. an upload only when the agency asked for a document.
        var form = forms.Get(task.Form) is { } full ? FormOnInstance.Shown(full, variables) : null;
        return new TaskContext(task, instance, company, definition, form, documents, history, actions) { Variables = variables };
    }
}
