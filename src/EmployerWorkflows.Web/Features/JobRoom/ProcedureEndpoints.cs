using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record ProcedureField(string Name, string Label, string Type, bool Required, string? Help);

/// <summary>An open task of a SECO procedure with the instructions of its step: the fields its form asks for.</summary>
public sealed record ProcedureTask(Guid Id, Guid InstanceId, string DefinitionId, string State, string Title, string? Role,
    string? AssigneeUserId, IReadOnlyList<string> Actions, DateTimeOffset? DueAt, string FormTitle, IReadOnlyList<ProcedureField> Fields);

public sealed record ProcedureView(Guid InstanceId, string DefinitionId, string State, string Status, long Version,
    IReadOnlyList<ProcedureTask> OpenTasks, IReadOnlyList<PermittedAction> PermittedActions, JsonObject Details);

/// <summary>
/// Where a SECO procedure stands, for the guided pages and the API: state, open tasks with their instructions
/// (the forms carry the seed's text), and what the caller may do now.
/// </summary>
public static class ProcedureEndpoints
{
    private static readonly string[] Definitions =
    [
        AccountRequests.PowerOfAttorney, AccountRequests.AccessRequest, WriteRightsProcedures.Definition, WriteRightsProcedures.DeadlineDefinition,
    ];

    /// <summary>Variables a participant may read back; the rest stays internal.</summary>
    private static readonly string[] VisibleVariables =
    [
        "company", "reference", "correctionDeadline", "risNumber", "oldEmail", "newEmail", "expiresOn", "dispatchedOn", "reason",
        "eServiceUrl", "helpdesk", "registrationInfoUrl", "cause",
    ];

    public static void MapProcedureEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/procedures/{instanceId:guid}", GetAsync)
            .WithSummary("Shows where a SECO procedure stands")
            .WithDescription("Power of attorney, access request, write-rights renewal or correction deadline: state, version, open tasks " +
                             "with the instructions of each step, and the actions the caller may take now. Participants and SecoDesk only.");

        // The caller's SECO tasks are in the one task list, GET /api/tasks, with every other procedure's.
    }

    public sealed record ProcedureRequest(Guid InstanceId, AppDbContext Db, JobRoomAccess Access, InstanceQueries Instances, TaskInbox Inbox,
        IWorkflowEngine Engine, FileFormCatalog Forms, ClaimsPrincipal User, CancellationToken Ct);

    public static async Task<Results<Ok<ProcedureView>, ProblemHttpResult>> GetAsync([AsParameters] ProcedureRequest r)
    {
        var (instanceId, db, access, forms, user, ct) = (r.InstanceId, r.Db, r.Access, r.Forms, r.User, r.Ct);
        var instance = await r.Instances.FindAsync(instanceId, ct);
        if (instance is null || !Definitions.Contains(instance.DefinitionId) || !await MayReadAsync(db, access, instance, user, ct))
            return JobRoomSetup.NotFound();
        var tasks = (await r.Inbox.ForInstanceAsync(instanceId, ct)).Where(t => t.IsOpen).ToList();
        var permitted = instance.IsRunning
            ? await r.Engine.GetPermittedActionsAsync(instanceId, WorkflowActors.From(user, instance.CompanyId), ct)
            : [];
        var variables = JsonNode.Parse(instance.Variables)!.AsObject();
        var details = new JsonObject();
        foreach (var name in VisibleVariables)
            if (variables[name] is { } value) details[name] = value.DeepClone();
        return TypedResults.Ok(new ProcedureView(instance.Id, instance.DefinitionId, instance.State, instance.Status.ToString(), instance.Version,
            tasks.Select(t => View(t, forms, user)).ToList(), permitted, details));
    }

    private static async Task<bool> MayReadAsync(AppDbContext db, JobRoomAccess access, InstanceView instance, ClaimsPrincipal user, CancellationToken ct)
    {
        if (JobRoomAccess.IsSecoDesk(user)) return true;
        var userId = (user.UserId() ?? "");
        if (await db.Set<JobRoomAccount>().AnyAsync(a => a.RequestInstanceId == instance.Id && a.UserId == userId, ct)) return true;
        if (await db.Set<WriteRightsProcedure>().AnyAsync(p =>
                (p.InstanceId == instance.Id || p.DeadlineInstanceId == instance.Id) && p.RequesterUserId == userId, ct)) return true;
        var uid = await db.Set<UidRegisterEntry>().Where(e => e.Id == instance.CompanyId).Select(e => e.Uid).SingleOrDefaultAsync(ct);
        return uid is not null && await access.IsMainAdministratorAsync(user, uid, ct);
    }

    private static ProcedureTask View(InboxTask task, FileFormCatalog forms, ClaimsPrincipal user)
    {
        var form = forms.Get(task.Form);
        // Whose task it is stays between the assignee and SecoDesk: a person asking to join a UID's account must not
        // learn its main administrator's user id.
        var assignee = task.AssigneeUserId == (user.UserId() ?? "") || JobRoomAccess.IsSecoDesk(user) ? task.AssigneeUserId : null;
        return new ProcedureTask(task.Id, task.InstanceId, task.DefinitionId, task.State, Lang.T(task.TitleIt, task.TitleEn), task.Role,
            assignee, task.Actions, task.DueAt, form is null ? task.Form : Lang.T(form.Title.It, form.Title.En),
            form?.Fields.Select(f => new ProcedureField(f.Name, Lang.T(f.Label.It, f.Label.En), f.Type.ToString(), f.Required,
                f.Help is null ? null : Lang.T(f.Help.It, f.Help.En))).ToList() ?? []);
    }
}
