using System.Security.Claims;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>The id of a stored upload, to send as the value of the file field when completing the task.</summary>
public sealed record UploadedDocument(Guid Id, string Field, string FileName, string ContentType, long Size);

/// <summary>
/// Uploads for a task's file fields. A file field's value is the id of a document of the task's procedure uploaded
/// by the same person; the engine refuses any other id. Uploading and completing may be one request (the task page)
/// or two (the API: upload, then complete with the id).
/// </summary>
public static class TaskDocuments
{
    /// <summary>Adds the file to the unit of work (no save) under a name unique in the procedure, kept with every earlier upload.</summary>
    public static Guid Store(AppDbContext db, InboxTask task, AcceptedFile file, string? userId, DateTimeOffset now) =>
        Store(db, task.InstanceId, task.CompanyId, file, userId, now);

    public static Guid Store(AppDbContext db, Guid instanceId, Guid? companyId, AcceptedFile file, string? userId, DateTimeOffset now) =>
        InstanceDocuments.Store(db, instanceId, companyId, $"{file.Field}-{Guid.CreateVersion7(now):N}", file.FileName, file.ContentType,
            file.Content, userId, now);

    public static IEndpointRouteBuilder MapTaskDocuments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{taskId:guid}/documents", UploadAsync)
            .RequireAuthorization().WithTags("Tasks")
            .WithSummary("Upload a file for one of the task's file fields")
            .WithDescription("Multipart with one file whose part name is the form's file field (e.g. 'screenshot'); checked by content and size "
                             + "as the form says. Complete the task with the returned id as that field's value.")
            .Accepts<IFormFile>("multipart/form-data")
            .AnswersWorkflowRefusals();
        return app;
    }

    public sealed record UploadRequest(Guid TaskId, HttpRequest Request, ClaimsPrincipal User, TaskInbox Inbox, AppDbContext Db,
        FileFormCatalog Forms, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Created<UploadedDocument>, ValidationProblem, NotFound>> UploadAsync([AsParameters] UploadRequest r)
    {
        var task = await r.Inbox.FindAsync(r.TaskId, TaskReaders.For(r.User), r.Ct);
        if (task is null) return TypedResults.NotFound();
        if (!task.IsOpen) throw new TaskClosedException(task.Id, task.Outcome);
        var errors = new FieldErrors();
        if (!r.Request.HasFormContentType)
            return errors.Add("", "Invia il file come multipart/form-data.", "Send the file as multipart/form-data.").ToProblem();
        var posted = await r.Request.ReadFormAsync(r.Ct);
        var file = posted.Files.Count == 1 ? posted.Files[0] : null;
        var field = file is null ? null : r.Forms.Get(task.Form)?.Field(file.Name);
        if (file is null || field is not { Type: FormFieldType.File })
            return errors.Add(file?.Name ?? "", "Carica un solo file, nel campo file del modulo dell'attività.",
                "Upload one file, in a file field of the task's form.").ToProblem();
        if (file.Length == 0)
            return errors.Add(field.Name, "Il file è vuoto.", "The file is empty.").ToProblem();
        var accepted = await FormInput.ReadFileAsync(field, file, errors, r.Ct);
        if (accepted is null) return errors.ToProblem();
        var id = Store(r.Db, task, accepted, r.User.UserId(), r.Clock.GetUtcNow());
        await r.Db.SaveChangesAsync(r.Ct);
        return TypedResults.Created($"/documents/{id}",
            new UploadedDocument(id, field.Name, accepted.FileName, accepted.ContentType, accepted.Content.LongLength));
    }
}
